-- Billing: metered usage, each organization's plan and Stripe link, and the Stripe events handled.

-- One row per measured fact. source_key names what was measured ("transcode:<video id>",
-- "storage:<hour>", ...), so recording the same fact twice (a job delivered twice, a sampler run
-- again after a crash) hits the unique key and adds nothing.
create table usage_records (
    organization_id uuid             not null references organizations on delete cascade,
    metric          varchar          not null
                                     check (metric in ('encoding_minutes', 'live_minutes', 'storage_gb_hours',
                                                       'delivery_minutes', 'ai_minutes')),
    source_key      varchar          not null,
    quantity        double precision not null check (quantity >= 0),
    recorded_at     timestamptz      not null default now(),
    primary key (organization_id, metric, source_key)
);
create index usage_records_period_idx on usage_records (organization_id, recorded_at);

-- The plan of an organization and its Stripe objects. No row: the Free plan, no Stripe customer.
create table billing_accounts (
    organization_id        uuid        primary key references organizations on delete cascade,
    plan                   varchar     not null default 'free',
    stripe_customer_id     varchar     unique,
    stripe_subscription_id varchar,
    -- Stripe's subscription status ('active', 'past_due', ...) or 'none'.
    payment_status         varchar     not null default 'none',
    -- When the first unpaid invoice failed; after the grace period the Free plan's limits apply.
    past_due_since         timestamptz,
    updated_at             timestamptz not null default now()
);

-- The usage.threshold webhook event is sent once per (period, metric, percent).
create table usage_thresholds_sent (
    organization_id uuid        not null references organizations on delete cascade,
    period_start    date        not null,
    metric          varchar     not null,
    percent         integer     not null,
    sent_at         timestamptz not null default now(),
    primary key (organization_id, period_start, metric, percent)
);

-- Stripe delivers events at least once: an event id seen before is acknowledged and not applied again.
create table stripe_events (
    event_id    varchar     primary key,
    type        varchar     not null,
    received_at timestamptz not null default now()
);

-- Meter events reported to Stripe, so a retried report is sent with the same idempotency key and a
-- reported period is not reported again.
create table usage_reports (
    organization_id uuid             not null references organizations on delete cascade,
    period_start    date             not null,
    metric          varchar          not null,
    quantity        double precision not null,
    reported_at     timestamptz,
    primary key (organization_id, period_start, metric)
);
