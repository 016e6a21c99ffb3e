-- Transcripts: one per language of a video (made by the AI worker, edited or uploaded in the
-- dashboard), its timed segments, and full-text search over them within an organization.
-- The WebVTT file in storage (captions/{videoId}/{lang}.vtt) and the HLS subtitle rendition are
-- regenerated from these rows whenever they change.

create table transcripts (
    transcript_id   uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    video_id        uuid        not null references videos on delete cascade,
    language        varchar     not null,
    name            varchar     not null,
    -- What made it: the Whisper model file, "edited" on top of it, or an uploaded file.
    model           varchar     not null,
    source          varchar     not null check (source in ('whisper', 'upload')),
    edited          boolean     not null default false,
    -- MPEG-TS time (90 kHz) of the video's first frame: the WebVTT X-TIMESTAMP-MAP that aligns cues.
    mpegts_offset   bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    unique (video_id, language)
);
create index transcripts_org_idx on transcripts (organization_id);

create table transcript_segments (
    transcript_id   uuid    not null references transcripts on delete cascade,
    organization_id uuid    not null references organizations on delete cascade,
    position        integer not null,
    start_ms        bigint  not null check (start_ms >= 0),
    end_ms          bigint  not null,
    text            varchar not null,
    primary key (transcript_id, position),
    check (end_ms >= start_ms)
);
create index transcript_segments_org_idx on transcript_segments (organization_id);

/* [jooq ignore start] */
-- The video page asks for the latest transcription job of a video.
create index jobs_ai_video_idx on jobs ((payload ->> 'videoId'), created_at desc) where queue = 'ai-jobs';
-- Search runs per segment so that each hit is a moment in the video. The 'simple' configuration
-- (no stemming, no stop words) works the same for every language Whisper writes.
create index transcript_segments_search_idx on transcript_segments using gin (to_tsvector('simple', text));
/* [jooq ignore stop] */
