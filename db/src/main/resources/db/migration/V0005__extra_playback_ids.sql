-- More playback IDs per video, as Mux allows (say, a public one for the site and a signed one for a
-- partner). The video's own playback_id stays its primary ID; extra IDs live here, each with its policy.
create table playback_ids (
    playback_id     varchar primary key,
    video_id        uuid        not null references videos on delete cascade,
    organization_id uuid        not null references organizations on delete cascade,
    policy          varchar     not null check (policy in ('public', 'signed')),
    created_at      timestamptz not null default now()
);
create index playback_ids_video_idx on playback_ids (video_id);
