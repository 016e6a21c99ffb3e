-- Resumable uploads (TUS and Mux-style direct uploads) whose bytes go to S3 multipart uploads, and
-- the API keys that authorize API calls. Upload state lives here so that any app instance can take
-- the next chunk, and an upload survives an app restart.

create table api_keys (
    api_key_id      uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    name            varchar     not null,
    token_id        varchar     not null unique,
    -- SHA-256 of the secret: secrets are 256-bit random strings, so a fast hash cannot be brute-forced.
    secret_hash     varchar     not null,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
create index api_keys_org_idx on api_keys (organization_id);

create table uploads (
    upload_id           uuid primary key,
    organization_id     uuid        not null references organizations on delete cascade,
    kind                varchar     not null check (kind in ('tus', 'direct')),
    -- The id the video will have; the video row itself is created when the upload completes.
    video_id            uuid        not null unique,
    total_length        bigint,
    received_length     bigint      not null default 0,
    metadata            varchar,
    title               varchar,
    storage_key         varchar     not null,
    multipart_upload_id varchar,
    parts               jsonb       not null default '[]',
    tail_length         bigint      not null default 0,
    status              varchar     not null default 'waiting'
                                    check (status in ('waiting', 'asset_created', 'errored', 'cancelled', 'timed_out')),
    error               varchar,
    cors_origin         varchar,
    new_asset_settings  jsonb,
    expires_at          timestamptz not null,
    locked_until        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    completed_at        timestamptz
);
create index uploads_org_created_idx on uploads (organization_id, created_at desc);
/* [jooq ignore start] */
create index uploads_expiring_idx on uploads (expires_at) where status = 'waiting';
/* [jooq ignore stop] */

alter table videos add column upload_id uuid unique;
alter table videos add column description varchar;

-- Per-organization upload limit; null means the installation's default (vidcastx.uploads.max-size).
alter table organizations add column max_upload_bytes bigint;
