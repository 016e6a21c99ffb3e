-- The node (a worker process's stable identity on its machine) and the boot (one run of that
-- process) holding a job's lease. A node that starts again hands the jobs of its earlier, dead boot
-- straight back to the queue instead of waiting for their lease to run out.
alter table jobs add column locked_node varchar;
alter table jobs add column locked_boot uuid;
/* [jooq ignore start] */
create index jobs_locked_node_idx on jobs (locked_node) where status = 'active';
/* [jooq ignore stop] */

-- What VIDCASTX_ADMIN_* and VIDCASTX_BOOTSTRAP_API_KEY have done, so each is done once and only in
-- the organization the bootstrap made: 'owner-organization' (the organization it set up) and
-- 'api-key:<token id>' (the key it seeded). A deleted organization leaves its row with no organization.
create table bootstrap_seeds (
    seed            varchar primary key,
    organization_id uuid references organizations on delete set null,
    created_at      timestamptz not null default now()
);
