package io.vidcastx.billing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A billing period: a calendar month in UTC. Stripe subscriptions are anchored on the month too
 * (ADR 0019), so usage shown here and usage invoiced agree without reading Stripe.
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    public static BillingPeriod containing(OffsetDateTime instant) {
        var first = instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return new BillingPeriod(first, first.plusMonths(1));
    }

    public static BillingPeriod current() {
        return containing(OffsetDateTime.now(ZoneOffset.UTC));
    }

    public OffsetDateTime startInstant() {
        return start.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime endInstant() {
        return end.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
