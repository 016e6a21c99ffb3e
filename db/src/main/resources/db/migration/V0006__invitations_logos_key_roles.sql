-- Invitations: an Admin invites an e-mail address with a role; the link carries a random token of
-- which only a SHA-256 is stored (256-bit tokens cannot be brute-forced, so a fast hash suffices).
create table invitations (
    invitation_id   uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    email           varchar     not null,
    role            varchar     not null check (role in ('owner', 'admin', 'member', 'viewer')),
    token_hash      varchar     not null unique,
    invited_by      uuid        references users on delete set null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
create index invitations_org_idx on invitations (organization_id, created_at desc);

-- The organization's logo, an image in storage under logos/{organizationId}/.
alter table organizations add column logo_key varchar;

-- An API key acts with a role like a person does (Mux: "read" or "read and write" keys); keys made
-- before roles existed keep the Admin rights they had.
alter table api_keys add column role varchar not null default 'admin'
    check (role in ('admin', 'member', 'viewer'));
