-- Dubbing per organization (issue 16): which provider a dub uses when the request names none, and the
-- organization's ElevenLabs API key, sealed (AES-GCM, like webhook secrets and YouTube tokens) because
-- the AI worker must send it again; the dashboard never shows it back.

create table organization_dubbing (
    organization_id    uuid primary key references organizations on delete cascade,
    provider           varchar     not null default 'local' check (provider in ('local', 'elevenlabs')),
    elevenlabs_api_key varchar,
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 0
);

-- What a person should know about a finished dub that is not an error (say, why it has no subtitles).
alter table audio_tracks add column note varchar;
