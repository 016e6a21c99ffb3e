-- Playback: each video's playback policy (public, or signed with a JWT), and the organization's
-- signing keys (RSA public keys; the private key is handed to the customer once and never stored).

-- Bytes of the HLS output, poster and MP4, recorded by the worker: the home page's storage figure.
alter table videos add column output_bytes bigint;

alter table videos add column playback_policy varchar not null default 'public'
    check (playback_policy in ('public', 'signed'));

create table signing_keys (
    signing_key_id  uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    public_key      varchar     not null,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);
create index signing_keys_org_idx on signing_keys (organization_id);

/* [jooq ignore start] */
-- The videos list filters by title within an organization.
create index videos_org_title_idx on videos (organization_id, lower(title));
/* [jooq ignore stop] */
