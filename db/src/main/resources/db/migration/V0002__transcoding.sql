-- Transcoding: live progress and frame rate on videos, measured bandwidth on renditions, and the
-- event outbox that webhook deliveries will read (written in the same transaction as the change).

alter table videos add column progress integer not null default 0;
alter table videos add column frame_rate double precision;
alter table videos add column has_audio boolean;
alter table videos add column ready_at timestamptz;

alter table renditions add column average_bandwidth_bps integer;
alter table renditions add column frame_rate double precision;

create table events (
    event_id        uuid primary key,
    organization_id uuid        not null references organizations on delete cascade,
    type            varchar     not null,
    object_type     varchar     not null,
    object_id       varchar     not null,
    data            jsonb       not null,
    created_at      timestamptz not null default now()
);
create index events_org_created_idx on events (organization_id, created_at desc);
create index events_object_idx on events (object_id);
