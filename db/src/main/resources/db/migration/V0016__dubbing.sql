-- AI dubbing (issue 16): one audio track per video and target language, made by the ai-jobs DUB job.
-- The HLS audio rendition (hls/{videoId}/{folder}/index.m3u8) and the master playlist's AUDIO group
-- are regenerated from these rows; the translated subtitles are a transcript row (source 'translation').

create table audio_tracks (
    audio_track_id  uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    video_id        uuid        not null references videos on delete cascade,
    language        varchar     not null,
    name            varchar     not null,
    provider        varchar     not null check (provider in ('local', 'elevenlabs')),
    -- espeak-ng voice or ElevenLabs voice id; null takes the language's default voice.
    voice           varchar,
    -- Keep the original sound (music, effects) under the speech, ducked.
    keep_background boolean     not null default false,
    status          varchar     not null default 'preparing' check (status in ('preparing', 'ready', 'errored')),
    progress        integer     not null default 0 check (progress between 0 and 100),
    -- Why the last dub failed, in words for the video page.
    error           varchar,
    -- The rendition's folder relative to the master; a re-dub writes a new folder, then swaps.
    folder          varchar,
    job_id          uuid,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    unique (video_id, language)
);
create index audio_tracks_org_idx on audio_tracks (organization_id);

/* [jooq ignore start] */
-- Translated subtitles made by a dub are transcripts too (H2's simulation cannot name the check).
alter table transcripts drop constraint transcripts_source_check;
alter table transcripts add constraint transcripts_source_check check (source in ('whisper', 'upload', 'translation'));
/* [jooq ignore stop] */
