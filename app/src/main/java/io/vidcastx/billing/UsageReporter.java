package io.vidcastx.billing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.billing.MeterEventCreateParams;
import io.vidcastx.core.queue.EnqueueOptions;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.UsageReportJobData;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports each closed period's usage to Stripe Billing Meters ({@code /v1/billing/meter_events}): one
 * event per organization, period and metric, whose identifier and idempotency key are that triple, so
 * no retry can count twice. The hourly run saves the totals in PostgreSQL and gives each one a job on
 * the {@code usage-reports} queue, which retries with the queue's backoff; a report is marked sent
 * only once Stripe accepted it. A job that runs out of attempts (a long outage) is replaced by the
 * next hourly run, so an outage of any length delays reports but loses none.
 */
@Component
class UsageReporter implements JobHandler<UsageReportJobData> {

    private static final Logger log = LoggerFactory.getLogger(UsageReporter.class);
    private static final int BATCH = 100;

    private final StripeConnection stripe;
    private final BillingRepository billing;
    private final BillingProperties properties;
    private final JobQueue queue;
    private final TransactionTemplate transactions;

    UsageReporter(StripeConnection stripe, BillingRepository billing, BillingProperties properties, JobQueue queue,
                  TransactionTemplate transactions) {
        this.stripe = stripe;
        this.billing = billing;
        this.properties = properties;
        this.queue = queue;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${vidcastx.billing.report-cron:0 7 * * * *}", zone = "UTC")
    void hourly() {
        if (stripe.configured()) {
            try {
                saveClosedPeriod(OffsetDateTime.now(ZoneOffset.UTC));
                enqueuePending();
            } catch (RuntimeException e) {
                log.warn("Usage reports could not be queued; the next hourly run tries again", e);
            }
        }
    }

    /**
     * Saves the totals of the period before the one containing {@code now}, once that period's
     * delivery minutes are settled (see {@link DeliverySettler}); a period saved before keeps its totals.
     *
     * @return totals saved or found saved, 0 while the closed period is still settling
     */
    int saveClosedPeriod(OffsetDateTime now) {
        var closed = BillingPeriod.containing(BillingPeriod.containing(now).startInstant().minusDays(1));
        // Past this, no settling run touches the closed period any more.
        if (now.isBefore(closed.endInstant().plus(properties.deliverySettleAfter()).plus(DeliverySettler.LOOKBACK))) {
            return 0;
        }
        int saved = 0;
        for (var organization : billing.organizationsWithUsage(closed.startInstant(), closed.endInstant())) {
            for (var total : billing.usage(organization, closed.startInstant(), closed.endInstant()).entrySet()) {
                if (total.getValue() > 0) {
                    billing.saveReport(organization, closed.start(), total.getKey(), total.getValue());
                    saved++;
                }
            }
        }
        return saved;
    }

    /** Gives every report still to send and not being sent a job. @return jobs enqueued */
    int enqueuePending() {
        int enqueued = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                var reports = billing.reportsWithoutJob(BATCH);
                for (var report : reports) {
                    var job = queue.enqueue(Queues.USAGE_REPORTS, new UsageReportJobData(report.organizationId().value(),
                                    report.periodStart(), report.metric().dbValue()),
                            EnqueueOptions.DEFAULT.withMaxAttempts(properties.reportAttempts()));
                    billing.setReportJob(report.organizationId(), report.periodStart(), report.metric(), job);
                }
                return reports.size();
            });
            enqueued += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return enqueued;
            }
        }
    }

    /** One report: nothing when it was accepted before; a failure to reach Stripe is retried by the queue. */
    @Override
    public void handle(UsageReportJobData payload, JobContext context) throws StripeException {
        var organization = new OrganizationId(payload.organizationId());
        var report = billing.pendingReport(organization, payload.periodStart(), UsageMetric.fromDb(payload.metric()));
        if (report.isEmpty()) {
            return; // accepted by an earlier job, or the organization no longer has a Stripe customer
        }
        if (!stripe.configured()) {
            throw new PermanentJobFailure("Stripe billing is not configured (VIDCASTX_STRIPE_SECRET_KEY); the hourly "
                    + "run queues this report again once it is");
        }
        send(report.get());
        billing.markReported(organization, payload.periodStart(), report.get().metric());
    }

    private void send(BillingRepository.PendingReport report) throws StripeException {
        String key = idempotencyKey(report);
        stripe.client().v1().billing().meterEvents().create(MeterEventCreateParams.builder()
                        .setEventName(prefix() + report.metric().dbValue())
                        .setIdentifier(key)
                        // Stamped inside the period it belongs to.
                        .setTimestamp(BillingPeriod.containing(report.periodStart().atStartOfDay()
                                .atOffset(ZoneOffset.UTC)).endInstant().minusSeconds(1).toEpochSecond())
                        .putPayload("stripe_customer_id", report.stripeCustomerId())
                        .putPayload("value", String.format(Locale.ROOT, "%.0f", Math.ceil(report.quantity())))
                        .build(),
                RequestOptions.builder().setIdempotencyKey(key).build());
    }

    /** The same for every attempt and every job of one report: Stripe applies it once. */
    static String idempotencyKey(BillingRepository.PendingReport report) {
        return "vidcastx-" + report.organizationId() + "-" + report.periodStart() + "-" + report.metric().dbValue();
    }

    private String prefix() {
        var prefix = properties.stripe().meterEventPrefix();
        return prefix == null ? "" : prefix;
    }
}
