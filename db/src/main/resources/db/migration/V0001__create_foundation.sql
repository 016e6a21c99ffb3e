-- Columns are varchar rather than text (the same type in PostgreSQL) because jOOQ generates code by
-- simulating these scripts in H2, where text is a CLOB that cannot be indexed. PostgreSQL-only DDL
-- sits between [jooq ignore] markers.
-- Foundation schema: tenants, people, videos and their renditions, and the record of every queued job.
-- Every business row carries organization_id so that every query can be scoped to the caller's organization.

create table organizations (
    organization_id uuid primary key,
    name            varchar        not null,
    slug            varchar        not null unique,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0
);

create table users (
    user_id       uuid primary key,
    email         varchar        not null,
    display_name  varchar        not null,
    password_hash varchar,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
/* [jooq ignore start] */
-- E-mail addresses are unique whatever their case.
create unique index users_email_lower_key on users (lower(email));
/* [jooq ignore stop] */

create table memberships (
    organization_id uuid        not null references organizations on delete cascade,
    user_id         uuid        not null references users on delete cascade,
    role            varchar        not null check (role in ('owner', 'admin', 'member', 'viewer')),
    created_at      timestamptz not null default now(),
    primary key (organization_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table videos (
    video_id         uuid primary key,
    organization_id  uuid             not null references organizations on delete cascade,
    title            varchar             not null,
    status           varchar             not null default 'processing'
                                      check (status in ('processing', 'ready', 'failed')),
    duration_seconds double precision,
    width            integer,
    height           integer,
    aspect_ratio     varchar,
    size_bytes       bigint,
    error_reason     varchar,
    playback_id      varchar             not null unique,
    source_key       varchar,
    created_at       timestamptz      not null default now(),
    updated_at       timestamptz      not null default now(),
    version          bigint           not null default 0
);
-- The videos list pages by organization, newest first, optionally filtered by status.
create index videos_org_created_idx on videos (organization_id, created_at desc);
create index videos_org_status_created_idx on videos (organization_id, status, created_at desc);

create table renditions (
    rendition_id    uuid primary key,
    video_id        uuid        not null references videos on delete cascade,
    organization_id uuid        not null references organizations on delete cascade,
    name            varchar        not null,
    kind            varchar        not null check (kind in ('video', 'audio', 'subtitles')),
    width           integer,
    height          integer,
    bandwidth_bps   integer,
    codecs          varchar,
    playlist_key    varchar        not null,
    created_at      timestamptz not null default now(),
    unique (video_id, name)
);
create index renditions_org_idx on renditions (organization_id);

-- PostgreSQL is the record of every job; Redis only carries dispatch, so losing Redis loses no job.
-- A job is "delayed" while status = 'waiting' and run_at lies in the future.
create table jobs (
    job_id        uuid primary key,
    queue         varchar        not null,
    payload       jsonb       not null,
    status        varchar        not null default 'waiting'
                              check (status in ('waiting', 'active', 'completed', 'failed')),
    attempts      integer     not null default 0,
    max_attempts  integer     not null,
    run_at        timestamptz not null default now(),
    dispatched_at timestamptz,
    locked_by     varchar,
    locked_until  timestamptz,
    progress      integer     not null default 0 check (progress between 0 and 100),
    last_error    varchar,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    completed_at  timestamptz
);
/* [jooq ignore start] */
create index jobs_waiting_idx on jobs (queue, run_at) where status = 'waiting';
create index jobs_active_idx on jobs (locked_until) where status = 'active';
/* [jooq ignore stop] */
