-- Live streaming (issue 14, ADR 0018): an organization's live streams, each publishing session, and the
-- recordings they leave as ordinary videos.

create table live_streams (
    live_stream_id           uuid primary key,
    organization_id          uuid        not null references organizations on delete cascade,
    -- The publisher's key is looked up by its SHA-256 (hex) at every publish...
    stream_key_hash          varchar     not null unique,
    -- ...and kept sealed with AES-256-GCM (a key derived from vidcastx.webhooks.encryption-key), because
    -- Mux's API and the dashboard show it again: a hash alone could not be revealed.
    stream_key_ciphertext    varchar     not null,
    status                   varchar     not null default 'idle'
                                         check (status in ('idle', 'active', 'disabled')),
    -- Mux's new_asset_settings.playback_policy for the recordings; null: recordings are not kept.
    recording_policy         varchar     check (recording_policy in ('public', 'signed')),
    reconnect_window_seconds integer     not null default 60,
    -- Why the last publisher was refused (limits, disabled), shown on the dashboard; never the key.
    last_refusal             varchar,
    last_refused_at          timestamptz,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);
create index live_streams_org_idx on live_streams (organization_id, created_at desc);

-- Playback IDs of live streams share the playback_ids table (one namespace, one resolver).
alter table playback_ids alter column video_id drop not null;
alter table playback_ids add column live_stream_id uuid references live_streams on delete cascade;
create index playback_ids_live_stream_idx on playback_ids (live_stream_id);

-- One live session: from the first accepted publish until the reconnect window after the last
-- publisher left runs out. A publisher coming back within the window continues the session (and its
-- recording asset). The ingest node holding the publisher renews lease_expires_at; a session whose
-- lease ran out (its node died) is ended by a sweeper on any node.
create table live_sessions (
    live_session_id   uuid primary key,
    live_stream_id    uuid        not null references live_streams on delete cascade,
    organization_id   uuid        not null references organizations on delete cascade,
    status            varchar     not null check (status in ('connected', 'reconnecting', 'ended')),
    node_id           varchar     not null,
    -- The recording's video (Mux's active_asset_id while live, then one of recent_asset_ids).
    asset_id          uuid        references videos on delete set null,
    -- Recording parts already stored, in order (one per publisher connection).
    recording_parts   integer     not null default 0,
    -- The publisher connection whose live HLS is in storage (live/<stream>/<connection>/), while one is.
    hls_connection_id uuid,
    lease_expires_at  timestamptz not null,
    disconnected_at   timestamptz,
    started_at        timestamptz not null default now(),
    ended_at          timestamptz,
    -- Ingest health, refreshed with the lease.
    video_kbps        integer,
    frame_rate        double precision,
    width             integer,
    height            integer,
    dropped_frames    bigint
);
create index live_sessions_stream_idx on live_sessions (live_stream_id, started_at desc);
/* [jooq ignore start] */
-- At most one open session per live stream: the database refuses a second publisher's session.
create unique index live_sessions_one_open_idx on live_sessions (live_stream_id) where status <> 'ended';
create index live_sessions_open_idx on live_sessions (lease_expires_at) where status <> 'ended';
/* [jooq ignore stop] */
