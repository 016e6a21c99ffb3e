package io.vidcastx.billing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.vidcastx.core.usage.UsageMetric;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vidcastx.billing.*}: the plans (included amounts, Stripe price, which limits are hard) and
 * the Stripe connection. Plans are listed in the order the dashboard shows them, cheapest first.
 *
 * @param plans        by id (free, pro, business)
 * @param defaultPlan  the plan of an organization that has never subscribed, and of one whose
 *                     payment stayed past due beyond the grace period
 * @param gracePeriod  how long a past-due subscription keeps its plan's limits
 * @param reportAttempts attempts of one meter-event job (queue backoff between them) before it is
 *                     failed; the hourly run then starts a new job, so no outage loses a report
 * @param deliverySettleAfter how long after an hour ends its delivery minutes are settled from
 *                     analytics watch time (views started in the hour keep reporting for a while)
 */
@ConfigurationProperties("vidcastx.billing")
public record BillingProperties(Map<String, Plan> plans, String defaultPlan, Duration gracePeriod,
                                Duration invoiceCacheTime, Stripe stripe, Integer reportAttempts,
                                Duration deliverySettleAfter) {

    public BillingProperties {
        plans = plans == null ? Map.of() : new LinkedHashMap<>(plans);
        defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? "free" : defaultPlan;
        gracePeriod = gracePeriod == null ? Duration.ofDays(7) : gracePeriod;
        invoiceCacheTime = invoiceCacheTime == null ? Duration.ofMinutes(1) : invoiceCacheTime;
        stripe = stripe == null ? new Stripe(null, null, null, null) : stripe;
        reportAttempts = reportAttempts == null ? 12 : reportAttempts;
        if (reportAttempts < 1) {
            throw new IllegalArgumentException("vidcastx.billing.report-attempts must be at least 1");
        }
        deliverySettleAfter = deliverySettleAfter == null ? Duration.ofHours(2) : deliverySettleAfter;
    }

    /**
     * @param included   the amount of each metric a period includes; a metric left out is unlimited
     * @param hardLimits metrics whose included amount refuses new uploads and live streams once used;
     *                   the others only warn (soft limits)
     * @param priceId    the Stripe recurring price of the plan; blank for a plan that is not sold
     */
    public record Plan(@Nullable String title, @Nullable String price, @Nullable String priceId,
                       Map<UsageMetric, Double> included, Set<UsageMetric> hardLimits) {

        public Plan {
            // EnumMap's copy constructor refuses an empty plain map.
            included = included == null || included.isEmpty() ? Map.of() : new EnumMap<>(included);
            hardLimits = hardLimits == null ? Set.of() : Set.copyOf(hardLimits);
        }

        public boolean sold() {
            return priceId != null && !priceId.isBlank();
        }
    }

    /**
     * @param secretKey     {@code VIDCASTX_STRIPE_SECRET_KEY}; blank: Stripe billing is off
     * @param webhookSecret {@code VIDCASTX_STRIPE_WEBHOOK_SECRET} (whsec_...)
     * @param apiBase       {@code VIDCASTX_STRIPE_API_BASE}; blank: https://api.stripe.com
     * @param meterEventPrefix the Billing Meter event names are this plus the metric ({@code vidcastx_encoding_minutes})
     */
    public record Stripe(@Nullable String secretKey, @Nullable String webhookSecret, @Nullable String apiBase,
                         @Nullable String meterEventPrefix) {
    }
}
