-- Analytics (ADR 0021): views reported by players in Mux Data's beacon format, enriched at ingest
-- (country/region/city from the IP, which is then dropped; device/OS/browser from the user agent),
-- kept per view in day partitions, and rolled up per hour and per day for every dashboard query.

-- The environment key a player sends as env_key: it names the organization (Mux's "environment").
-- It is public (it sits in every embed page), so it is stored as is; it only lets a player report views.
create table analytics_environments (
    organization_id uuid primary key references organizations on delete cascade,
    env_key         varchar     not null unique,
    created_at      timestamptz not null default now()
);

-- Rollups by view start: one row per organization x bucket x video x country x device class x OS x
-- browser. Sums (not averages) so that any range adds up; unique viewers are distinct within the bucket.
create table analytics_hourly (
    organization_id     uuid        not null references organizations on delete cascade,
    bucket              timestamptz not null,
    video_ref           varchar     not null,
    country             varchar     not null,
    device_class        varchar     not null,
    os                  varchar     not null,
    browser             varchar     not null,
    views               bigint      not null,
    unique_viewers      bigint      not null,
    watch_time_ms       bigint      not null,
    playing_time_ms     bigint      not null,
    startup_time_ms_sum bigint      not null,
    started_views       bigint      not null,
    rebuffer_ms         bigint      not null,
    failed_views        bigint      not null,
    exits_before_start  bigint      not null,
    primary key (organization_id, bucket, video_ref, country, device_class, os, browser)
);

create table analytics_daily (
    organization_id     uuid        not null references organizations on delete cascade,
    bucket              date        not null,
    video_ref           varchar     not null,
    country             varchar     not null,
    device_class        varchar     not null,
    os                  varchar     not null,
    browser             varchar     not null,
    views               bigint      not null,
    unique_viewers      bigint      not null,
    watch_time_ms       bigint      not null,
    playing_time_ms     bigint      not null,
    startup_time_ms_sum bigint      not null,
    started_views       bigint      not null,
    rebuffer_ms         bigint      not null,
    failed_views        bigint      not null,
    exits_before_start  bigint      not null,
    primary key (organization_id, bucket, video_ref, country, device_class, os, browser)
);

/* [jooq ignore start] */
-- Raw views and events, partitioned by the view's start day (a view crossing midnight stays in one
-- partition). The app creates the partitions ahead and drops those past the retention setting
-- (AnalyticsPartitions). No IP address column exists anywhere.
create table analytics_views (
    view_day        date        not null,
    view_id         varchar     not null,
    organization_id uuid        not null,
    video_ref       varchar     not null,
    video_title     varchar,
    viewer_id       varchar     not null,
    country         varchar     not null,
    region          varchar,
    city            varchar,
    device_class    varchar     not null,
    os              varchar     not null,
    browser         varchar     not null,
    browser_version varchar,
    started_at      timestamptz not null,
    last_event_at   timestamptz not null,
    watch_time_ms   bigint      not null default 0,
    playing_time_ms bigint      not null default 0,
    startup_time_ms bigint,
    rebuffer_ms     bigint      not null default 0,
    rebuffer_count  integer     not null default 0,
    error_code      varchar,
    error_message   varchar,
    ended           boolean     not null default false,
    primary key (view_day, view_id)
) partition by range (view_day);
create index analytics_views_org_started_idx on analytics_views (organization_id, started_at desc);

create table analytics_events (
    view_day        date        not null,
    view_id         varchar     not null,
    organization_id uuid        not null,
    event           varchar     not null,
    received_at     timestamptz not null,
    playhead_ms     bigint
) partition by range (view_day);
create index analytics_events_view_idx on analytics_events (view_id);
/* [jooq ignore stop] */
