package io.vidcastx.billing;

import java.util.List;
import java.util.Optional;

import io.vidcastx.core.usage.UsageMetric;
import org.jspecify.annotations.Nullable;

/**
 * An organization's usage in the current period against its plan.
 *
 * @param planId          the plan whose limits apply now (the default plan once a past-due grace period ran out)
 * @param subscribedPlanId the plan paid for, which differs from planId only after the grace period
 */
public record UsageSummary(String planId, BillingProperties.Plan plan, String subscribedPlanId, BillingPeriod period,
                           List<MetricUsage> metrics, BillingAccount account) {

    /** One metered quantity; {@code included} is null when the plan sets no limit on it. */
    public record MetricUsage(UsageMetric metric, double used, @Nullable Double included, boolean hard) {

        /** Used as a percentage of the included amount; 0 when unlimited. */
        public double percent() {
            return included == null || included.isInfinite() ? 0
                    : included <= 0 ? (used > 0 ? 100 : 0) : used * 100 / included;
        }

        public boolean exhausted() {
            return included != null && !included.isInfinite() && used >= included;
        }
    }

    public Optional<MetricUsage> metric(UsageMetric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst();
    }

    public boolean pastDue() {
        return account.pastDue();
    }

    /** The grace period ran out: the default plan's limits apply until the invoice is paid. */
    public boolean downgradedForNonPayment() {
        return !planId.equals(subscribedPlanId);
    }
}
