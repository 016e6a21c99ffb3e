-- Billing gaps of issue 15 (ADR 0025).

-- Each closed period's meter event is sent by a queue job; the row names its latest job, so the hourly
-- run starts a new one only when that job failed (a Stripe outage longer than its retries) or is gone.
alter table usage_reports add column job_id uuid;

-- When the current publisher connection of a live session began: live minutes are counted per
-- connection, from here to its disconnect (or to the lease of a node that died).
alter table live_sessions add column connected_at timestamptz not null default now();

-- Billing settles delivery minutes from the watch time of every organization in one hour: by bucket,
-- across organizations, which the rollup's primary key (organization first) cannot serve.
create index analytics_hourly_bucket_idx on analytics_hourly (bucket);
