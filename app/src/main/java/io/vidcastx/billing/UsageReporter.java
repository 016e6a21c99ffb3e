package io.vidcastx.billing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.billing.MeterEventCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reports each closed period's usage to Stripe Billing Meters ({@code /v1/billing/meter_events}): one
 * event per organization, period and metric, whose identifier and idempotency key are that triple, so
 * a retry can never count twice. Totals are saved in PostgreSQL first and marked reported only once
 * Stripe accepted them: a Stripe outage loses nothing, the next run sends what is still pending.
 */
@Component
class UsageReporter {

    private static final Logger log = LoggerFactory.getLogger(UsageReporter.class);

    private final StripeConnection stripe;
    private final BillingRepository billing;
    private final BillingProperties properties;

    UsageReporter(StripeConnection stripe, BillingRepository billing, BillingProperties properties) {
        this.stripe = stripe;
        this.billing = billing;
        this.properties = properties;
    }

    @Scheduled(cron = "${vidcastx.billing.report-cron:0 7 * * * *}", zone = "UTC")
    void hourly() {
        if (stripe.configured()) {
            saveClosedPeriod(OffsetDateTime.now(ZoneOffset.UTC));
            send();
        }
    }

    /** Saves the totals of the period before the one containing {@code now}. */
    int saveClosedPeriod(OffsetDateTime now) {
        var closed = BillingPeriod.containing(BillingPeriod.containing(now).startInstant().minusDays(1));
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

    /** @return reports Stripe accepted in this run */
    int send() {
        int sent = 0;
        for (var report : billing.unreported(500)) {
            String key = "vidcastx-" + report.organizationId() + "-" + report.periodStart() + "-" + report.metric().dbValue();
            try {
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
                billing.markReported(report.organizationId(), report.periodStart(), report.metric());
                sent++;
            } catch (StripeException | RuntimeException e) {
                log.warn("Reporting {} to Stripe failed; it stays pending for the next run: {}", key, e.getMessage());
                break; // Stripe is likely down: try the rest next time
            }
        }
        return sent;
    }

    private String prefix() {
        var prefix = properties.stripe().meterEventPrefix();
        return prefix == null ? "" : prefix;
    }
}
