-- The dashboard's own signing key, one per organization: it signs the short-lived tokens with which a
-- signed-in member previews signed videos. Unlike the customer's keys its private half is kept,
-- sealed with AES-GCM (the key of vidcastx.webhooks.encryption-key), and it is never listed or revocable.
alter table signing_keys add column dashboard boolean not null default false;
alter table signing_keys add column private_key_sealed varchar;

/* [jooq ignore start] */
alter table signing_keys add constraint signing_keys_dashboard_private_key
    check (dashboard = (private_key_sealed is not null));
create unique index signing_keys_one_dashboard_key_idx on signing_keys (organization_id) where dashboard;
/* [jooq ignore stop] */
