-- Webhooks: endpoints an organization registers, the event types each one subscribes to, one delivery
-- per (event, endpoint), and every HTTP attempt of a delivery. Deliveries are created in the
-- transaction that records the event (core WebhookFanOut), so any process that records events fans out.

create table webhook_endpoints (
    webhook_endpoint_id        uuid primary key,
    organization_id            uuid        not null references organizations on delete cascade,
    url                        varchar     not null,
    description                varchar     not null default '',
    enabled                    boolean     not null default true,
    -- The signing secret (whsec_...) encrypted with AES-GCM under vidcastx.webhooks.encryption-key: it
    -- must be recoverable to sign, so it cannot be hashed.
    secret_ciphertext          varchar     not null,
    -- After a rotation the old secret signs too for a while, so receivers can switch without a gap.
    previous_secret_ciphertext varchar,
    previous_secret_expires_at timestamptz,
    -- Why the endpoint was turned off: 'manual', 'gone' (it answered 410) or 'failing' (failed for days).
    disabled_reason            varchar     check (disabled_reason in ('manual', 'gone', 'failing')),
    disabled_at                timestamptz,
    -- Start of the current run of failed attempts; cleared by any success.
    failing_since              timestamptz,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now(),
    version                    bigint      not null default 0
);
create index webhook_endpoints_org_idx on webhook_endpoints (organization_id, created_at);

create table webhook_subscriptions (
    webhook_endpoint_id uuid    not null references webhook_endpoints on delete cascade,
    event_type          varchar not null,
    primary key (webhook_endpoint_id, event_type)
);

create table webhook_deliveries (
    webhook_delivery_id uuid primary key,
    webhook_endpoint_id uuid        not null references webhook_endpoints on delete cascade,
    organization_id     uuid        not null references organizations on delete cascade,
    -- Null for test events, which have no event row.
    event_id            uuid        references events on delete set null,
    -- The webhook-id header: the same on every attempt, so receivers can drop duplicates.
    message_id          varchar     not null,
    event_type          varchar     not null,
    -- The exact JSON body that is signed and sent on every attempt.
    payload             varchar     not null,
    status              varchar     not null default 'pending'
                                    check (status in ('pending', 'succeeded', 'failed')),
    attempts            integer     not null default 0,
    -- Attempts made before the current round began (a resend starts a new round of the schedule).
    round_start         integer     not null default 0,
    next_attempt_at     timestamptz,
    failure_reason      varchar,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (webhook_endpoint_id, created_at desc);

create table webhook_attempts (
    webhook_attempt_id  uuid primary key,
    webhook_delivery_id uuid        not null references webhook_deliveries on delete cascade,
    -- The endpoint's log lists its recent attempts directly, without going through every delivery.
    webhook_endpoint_id uuid        not null references webhook_endpoints on delete cascade,
    organization_id     uuid        not null references organizations on delete cascade,
    attempt             integer     not null,
    attempted_at        timestamptz not null default now(),
    -- Null when no HTTP response came back (refused address, timeout, connection error).
    status_code         integer,
    latency_ms          integer     not null,
    response_excerpt    varchar,
    error               varchar,
    next_retry_at       timestamptz,
    unique (webhook_delivery_id, attempt)
);
create index webhook_attempts_endpoint_idx on webhook_attempts (webhook_endpoint_id, attempted_at desc);
