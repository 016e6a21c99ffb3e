package io.vidcastx.core.queue;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Send one closed period's total of one metric of one organization to Stripe's Billing Meters. The
 * total itself stays in PostgreSQL (usage_reports); a job whose report was already accepted does nothing.
 *
 * @param metric the metric's database name ({@code encoding_minutes})
 */
public record UsageReportJobData(UUID organizationId, LocalDate periodStart, String metric) {
}
