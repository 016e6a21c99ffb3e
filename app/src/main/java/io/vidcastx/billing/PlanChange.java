package io.vidcastx.billing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan change as previewed before it is made: what the next invoice comes to with proration, and
 * for a downgrade what must go first (usage above the new plan's limits).
 *
 * @param amountDueCents null when there is nothing to preview (a first subscription goes through Checkout)
 */
public record PlanChange(String planId, @Nullable Long amountDueCents, @Nullable String currency,
                         List<String> blockers) {

    public boolean allowed() {
        return blockers.isEmpty();
    }
}
