package io.vidcastx.billing;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An organization's plan and Stripe link as stored; an organization with no row is on the default plan. */
public record BillingAccount(String plan, @Nullable String stripeCustomerId, @Nullable String stripeSubscriptionId,
                             String paymentStatus, @Nullable OffsetDateTime pastDueSince) {

    static BillingAccount none(String defaultPlan) {
        return new BillingAccount(defaultPlan, null, null, "none", null);
    }

    public boolean pastDue() {
        return pastDueSince != null;
    }
}
