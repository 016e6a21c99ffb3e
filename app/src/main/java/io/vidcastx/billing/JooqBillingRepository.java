package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.STRIPE_EVENTS;
import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
import static io.vidcastx.db.jooq.Tables.USAGE_REPORTS;
import static io.vidcastx.db.jooq.Tables.USAGE_THRESHOLDS_SENT;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqBillingRepository implements BillingRepository {

    /** Delivery charged from analytics watch time: this plus the hour. */
    static final String WATCH_TIME_KEY = "delivery:watch:";

    private final DSLContext dsl;

    JooqBillingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<BillingAccount> account(OrganizationId organizationId) {
        return dsl.selectFrom(BILLING_ACCOUNTS).where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(r -> new BillingAccount(r.getPlan(), r.getStripeCustomerId(), r.getStripeSubscriptionId(),
                        r.getPaymentStatus(), r.getPastDueSince()));
    }

    @Override
    public Optional<OrganizationId> organizationOfCustomer(String stripeCustomerId) {
        return dsl.select(BILLING_ACCOUNTS.ORGANIZATION_ID).from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID.eq(stripeCustomerId)).fetchOptional(BILLING_ACCOUNTS.ORGANIZATION_ID);
    }

    private void ensureRow(OrganizationId organizationId) {
        dsl.insertInto(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.ORGANIZATION_ID, organizationId).onConflictDoNothing().execute();
    }

    @Override
    public String linkCustomer(OrganizationId organizationId, String stripeCustomerId) {
        ensureRow(organizationId);
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, stripeCustomerId)
                .set(BILLING_ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId).and(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID.isNull()))
                .execute();
        return dsl.select(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID).from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId)).fetchSingle(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID);
    }

    @Override
    public void changePlan(OrganizationId organizationId, String plan, @Nullable String subscriptionId, String paymentStatus) {
        ensureRow(organizationId);
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PLAN, plan)
                .set(BILLING_ACCOUNTS.STRIPE_SUBSCRIPTION_ID, subscriptionId)
                .set(BILLING_ACCOUNTS.PAYMENT_STATUS, paymentStatus)
                .set(BILLING_ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId)).execute();
    }

    @Override
    public void markPastDue(OrganizationId organizationId) {
        ensureRow(organizationId);
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PAYMENT_STATUS, "past_due")
                .set(BILLING_ACCOUNTS.PAST_DUE_SINCE, DSL.coalesce(BILLING_ACCOUNTS.PAST_DUE_SINCE, DSL.currentOffsetDateTime()))
                .set(BILLING_ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId)).execute();
    }

    @Override
    public void markPaid(OrganizationId organizationId) {
        ensureRow(organizationId);
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PAYMENT_STATUS, "active")
                .set(BILLING_ACCOUNTS.PAST_DUE_SINCE, (OffsetDateTime) null)
                .set(BILLING_ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId)).execute();
    }

    @Override
    public void forgetCustomer(OrganizationId organizationId, String defaultPlan) {
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PLAN, defaultPlan)
                .set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, (String) null)
                .set(BILLING_ACCOUNTS.STRIPE_SUBSCRIPTION_ID, (String) null)
                .set(BILLING_ACCOUNTS.PAYMENT_STATUS, "none")
                .set(BILLING_ACCOUNTS.PAST_DUE_SINCE, (OffsetDateTime) null)
                .set(BILLING_ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organizationId)).execute();
    }

    @Override
    public boolean rememberStripeEvent(String eventId, String type) {
        return dsl.insertInto(STRIPE_EVENTS).set(STRIPE_EVENTS.EVENT_ID, eventId).set(STRIPE_EVENTS.TYPE, type)
                .onConflictDoNothing().execute() == 1;
    }

    @Override
    public Map<UsageMetric, Double> usage(OrganizationId organizationId, OffsetDateTime from, OffsetDateTime to) {
        var totals = new EnumMap<UsageMetric, Double>(UsageMetric.class);
        for (var metric : UsageMetric.values()) {
            totals.put(metric, 0.0);
        }
        dsl.select(USAGE_RECORDS.METRIC, DSL.sum(USAGE_RECORDS.QUANTITY))
                .from(USAGE_RECORDS)
                .where(USAGE_RECORDS.ORGANIZATION_ID.eq(organizationId)
                        .and(USAGE_RECORDS.RECORDED_AT.ge(from)).and(USAGE_RECORDS.RECORDED_AT.lt(to)))
                .groupBy(USAGE_RECORDS.METRIC)
                .forEach(r -> totals.put(UsageMetric.fromDb(r.value1()), r.value2() == null ? 0 : r.value2().doubleValue()));
        return totals;
    }

    @Override
    public boolean markThresholdSent(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, int percent) {
        return dsl.insertInto(USAGE_THRESHOLDS_SENT)
                .set(USAGE_THRESHOLDS_SENT.ORGANIZATION_ID, organizationId)
                .set(USAGE_THRESHOLDS_SENT.PERIOD_START, periodStart)
                .set(USAGE_THRESHOLDS_SENT.METRIC, metric.dbValue())
                .set(USAGE_THRESHOLDS_SENT.PERCENT, percent)
                .onConflictDoNothing().execute() == 1;
    }

    @Override
    public List<OrganizationId> organizationsWithUsage(OffsetDateTime from, OffsetDateTime to) {
        return dsl.selectDistinct(USAGE_RECORDS.ORGANIZATION_ID).from(USAGE_RECORDS)
                .where(USAGE_RECORDS.RECORDED_AT.ge(from).and(USAGE_RECORDS.RECORDED_AT.lt(to)))
                .fetch(USAGE_RECORDS.ORGANIZATION_ID);
    }

    @Override
    public int sampleStorage(String sourceKey, double hours, long lockKey) {
        // A transaction-scoped advisory lock: one node samples, the others skip; released at commit.
        Boolean locked = dsl.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class, DSL.val(lockKey)))
                .fetchSingle().value1();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        var bytes = DSL.sum(DSL.coalesce(VIDEOS.SIZE_BYTES, 0L).plus(DSL.coalesce(VIDEOS.OUTPUT_BYTES, 0L)));
        return dsl.insertInto(USAGE_RECORDS, USAGE_RECORDS.ORGANIZATION_ID, USAGE_RECORDS.METRIC,
                        USAGE_RECORDS.SOURCE_KEY, USAGE_RECORDS.QUANTITY)
                .select(DSL.select(VIDEOS.ORGANIZATION_ID, DSL.inline(UsageMetric.STORAGE_GB_HOURS.dbValue()),
                                DSL.val(sourceKey), bytes.cast(Double.class).div(1e9).mul(hours))
                        .from(VIDEOS).groupBy(VIDEOS.ORGANIZATION_ID))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public int chargeWatchTime(List<WatchedHour> watched) {
        if (watched.isEmpty()) {
            return 0;
        }
        var organizations = watched.stream().map(w -> w.organizationId().value()).toArray(java.util.UUID[]::new);
        var hours = watched.stream().map(WatchedHour::hour).toArray(OffsetDateTime[]::new);
        var minutes = watched.stream().map(WatchedHour::minutes).toArray(Double[]::new);
        var keys = watched.stream().map(w -> WATCH_TIME_KEY + w.hour().toInstant()).toArray(String[]::new);
        // The delete sees the table as it was before the insert, and only ever byte estimates: the rows
        // just inserted are neither visible to it nor matched by it.
        return dsl.fetchSingle("""
                        with watched as (
                            select * from unnest({0}::uuid[], {1}::timestamptz[], {2}::float8[], {3}::varchar[])
                                as w(organization_id, hour, minutes, source_key)
                        ), charged as (
                            insert into usage_records (organization_id, metric, source_key, quantity, recorded_at)
                            select organization_id, {4}, source_key, minutes, hour from watched
                            -- an organization deleted since its watch time was read has no one left to bill
                            where exists (select 1 from organizations o where o.organization_id = watched.organization_id)
                            on conflict do nothing
                            returning organization_id, recorded_at
                        ), dropped as (
                            delete from usage_records u using charged c
                            where u.organization_id = c.organization_id and u.metric = {4}
                              and u.source_key not like {5} and u.recorded_at >= c.recorded_at
                              and u.recorded_at < c.recorded_at + interval '1 hour'
                            returning 1
                        )
                        select count(*) from charged""",
                DSL.val(organizations), DSL.val(hours), DSL.val(minutes), DSL.val(keys),
                DSL.val(UsageMetric.DELIVERY_MINUTES.dbValue()), DSL.val(WATCH_TIME_KEY + "%"))
                .get(0, Integer.class);
    }

    @Override
    public void saveReport(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, double quantity) {
        dsl.insertInto(USAGE_REPORTS)
                .set(USAGE_REPORTS.ORGANIZATION_ID, organizationId)
                .set(USAGE_REPORTS.PERIOD_START, periodStart)
                .set(USAGE_REPORTS.METRIC, metric.dbValue())
                .set(USAGE_REPORTS.QUANTITY, quantity)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public List<PendingReport> reportsWithoutJob(int limit) {
        return dsl.select(USAGE_REPORTS.ORGANIZATION_ID, BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, USAGE_REPORTS.PERIOD_START,
                        USAGE_REPORTS.METRIC, USAGE_REPORTS.QUANTITY)
                .from(USAGE_REPORTS)
                .join(BILLING_ACCOUNTS).on(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(USAGE_REPORTS.ORGANIZATION_ID))
                .leftJoin(JOBS).on(JOBS.JOB_ID.eq(USAGE_REPORTS.JOB_ID))
                .where(USAGE_REPORTS.REPORTED_AT.isNull().and(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID.isNotNull())
                        .and(USAGE_REPORTS.JOB_ID.isNull().or(JOBS.JOB_ID.isNull()).or(JOBS.STATUS.eq("failed"))))
                .orderBy(USAGE_REPORTS.PERIOD_START, USAGE_REPORTS.ORGANIZATION_ID, USAGE_REPORTS.METRIC)
                .limit(limit)
                .forUpdate().of(USAGE_REPORTS).skipLocked()
                .fetch(r -> new PendingReport(r.value1(), r.value2(), r.value3(), UsageMetric.fromDb(r.value4()), r.value5()));
    }

    @Override
    public void setReportJob(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, JobId jobId) {
        dsl.update(USAGE_REPORTS).set(USAGE_REPORTS.JOB_ID, jobId)
                .where(USAGE_REPORTS.ORGANIZATION_ID.eq(organizationId).and(USAGE_REPORTS.PERIOD_START.eq(periodStart))
                        .and(USAGE_REPORTS.METRIC.eq(metric.dbValue())))
                .execute();
    }

    @Override
    public Optional<PendingReport> pendingReport(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric) {
        return dsl.select(USAGE_REPORTS.ORGANIZATION_ID, BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, USAGE_REPORTS.PERIOD_START,
                        USAGE_REPORTS.METRIC, USAGE_REPORTS.QUANTITY)
                .from(USAGE_REPORTS)
                .join(BILLING_ACCOUNTS).on(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(USAGE_REPORTS.ORGANIZATION_ID))
                .where(USAGE_REPORTS.ORGANIZATION_ID.eq(organizationId).and(USAGE_REPORTS.PERIOD_START.eq(periodStart))
                        .and(USAGE_REPORTS.METRIC.eq(metric.dbValue())).and(USAGE_REPORTS.REPORTED_AT.isNull())
                        .and(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID.isNotNull()))
                .fetchOptional(r -> new PendingReport(r.value1(), r.value2(), r.value3(), UsageMetric.fromDb(r.value4()), r.value5()));
    }

    @Override
    public Optional<Long> renditionBitrate(io.vidcastx.db.ids.VideoId videoId, String rendition) {
        var renditions = io.vidcastx.db.jooq.Tables.RENDITIONS;
        return dsl.select(DSL.coalesce(renditions.AVERAGE_BANDWIDTH_BPS, renditions.BANDWIDTH_BPS))
                .from(renditions).where(renditions.VIDEO_ID.eq(videoId).and(renditions.NAME.eq(rendition)))
                .limit(1).fetchOptional(r -> r.value1() == null ? null : r.value1().longValue());
    }

    @Override
    public void markReported(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric) {
        dsl.update(USAGE_REPORTS).set(USAGE_REPORTS.REPORTED_AT, DSL.currentOffsetDateTime())
                .where(USAGE_REPORTS.ORGANIZATION_ID.eq(organizationId).and(USAGE_REPORTS.PERIOD_START.eq(periodStart))
                        .and(USAGE_REPORTS.METRIC.eq(metric.dbValue())))
                .execute();
    }
}
