-- YouTube distribution (ADR 0020): one connected channel per organization, and one distribution per
-- (video, channel) that the publisher worker uploads resumably. Tokens are sealed with AES-GCM under a
-- key derived from vidcastx.webhooks.encryption-key: they must be recoverable to call Google.

create table youtube_connections (
    organization_id          uuid primary key references organizations on delete cascade,
    channel_id               varchar     not null,
    channel_title            varchar     not null,
    channel_thumbnail_url    varchar,
    refresh_token_ciphertext varchar     not null,
    access_token_ciphertext  varchar,
    access_token_expires_at  timestamptz,
    -- 'needs_reconnect' once Google answered invalid_grant (revoked or expired refresh token).
    status                   varchar     not null default 'connected'
                                         check (status in ('connected', 'needs_reconnect')),
    status_reason            varchar,
    connected_by             uuid        references users on delete set null,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);

create table video_distributions (
    distribution_id     uuid primary key,
    organization_id     uuid        not null references organizations on delete cascade,
    video_id            uuid        not null references videos on delete cascade,
    destination         varchar     not null check (destination in ('youtube')),
    channel_id          varchar     not null,
    status              varchar     not null default 'queued'
                                    check (status in ('queued', 'uploading', 'processing', 'published', 'failed',
                                                      'cancelled')),
    progress            integer     not null default 0,
    title               varchar     not null,
    description         varchar     not null default '',
    -- Tags and caption languages one per line: few, short, and only ever read whole.
    tags                varchar     not null default '',
    category_id         varchar     not null default '22',
    privacy             varchar     not null check (privacy in ('private', 'unlisted', 'public')),
    publish_at          timestamptz,
    made_for_kids       boolean     not null default false,
    caption_languages   varchar     not null default '',
    -- Storage key of a JPEG/PNG to send with thumbnails.set, or null for YouTube's own pick.
    thumbnail_key       varchar,
    -- The resumable upload session (Google's Location URL): a worker that takes the job over resumes it.
    upload_session_url  varchar,
    uploaded_bytes      bigint      not null default 0,
    total_bytes         bigint,
    external_id         varchar,
    url                 varchar,
    error               varchar,
    job_id              uuid,
    created_by          uuid        references users on delete set null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (video_id, destination, channel_id)
);
create index video_distributions_org_idx on video_distributions (organization_id, video_id);
