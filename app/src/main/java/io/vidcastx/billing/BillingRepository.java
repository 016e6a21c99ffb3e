package io.vidcastx.billing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/** Usage totals, plans and the Stripe bookkeeping of billing. */
interface BillingRepository {

    Optional<BillingAccount> account(OrganizationId organizationId);

    Optional<OrganizationId> organizationOfCustomer(String stripeCustomerId);

    /** Sets the customer unless the organization already has one; @return the organization's customer */
    String linkCustomer(OrganizationId organizationId, String stripeCustomerId);

    void changePlan(OrganizationId organizationId, String plan, @Nullable String subscriptionId, String paymentStatus);

    /** Starts the grace period at the first failed payment; later failures keep its start. */
    void markPastDue(OrganizationId organizationId);

    void markPaid(OrganizationId organizationId);

    /** The customer is gone from Stripe: back to the default plan with no Stripe link. */
    void forgetCustomer(OrganizationId organizationId, String defaultPlan);

    /** @return false when the event was handled before */
    boolean rememberStripeEvent(String eventId, String type);

    Map<UsageMetric, Double> usage(OrganizationId organizationId, OffsetDateTime from, OffsetDateTime to);

    /** @return true the first time this threshold is crossed in the period */
    boolean markThresholdSent(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, int percent);

    List<OrganizationId> organizationsWithUsage(OffsetDateTime from, OffsetDateTime to);

    /**
     * Records one hour of storage for every organization from the bytes its videos hold, unless another
     * node holds the sampling lock. @return organizations sampled, or -1 when another node is sampling
     */
    int sampleStorage(String sourceKey, double hours, long lockKey);

    /** One organization's watch time in one hour, as delivery minutes. */
    record WatchedHour(OrganizationId organizationId, OffsetDateTime hour, double minutes) {
    }

    /**
     * Charges each hour's delivery as its watch time and drops that organization's estimates from served
     * bytes in the same hour, in one statement. Hours charged by watch time before are left as they are.
     *
     * @return organization-hours newly charged
     */
    int chargeWatchTime(List<WatchedHour> watched);

    /** Remembers the total of a closed period to report; a period already saved keeps its first total. */
    void saveReport(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, double quantity);

    record PendingReport(OrganizationId organizationId, String stripeCustomerId, LocalDate periodStart,
                         UsageMetric metric, double quantity) {
    }

    /**
     * Saved totals not yet accepted by Stripe, of organizations with a Stripe customer, that have no
     * job sending them (never had one, or it failed after its attempts, or it is gone). Locked until the
     * transaction ends, so a second node running the same schedule skips them.
     */
    List<PendingReport> reportsWithoutJob(int limit);

    /** The job now sending this report. */
    void setReportJob(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric, JobId jobId);

    /** This report if it is still to be sent: saved, not yet accepted, and its organization has a Stripe customer. */
    Optional<PendingReport> pendingReport(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric);

    /** The average (else peak) bitrate of a video's rendition, in bits per second. */
    Optional<Long> renditionBitrate(io.vidcastx.db.ids.VideoId videoId, String rendition);

    void markReported(OrganizationId organizationId, LocalDate periodStart, UsageMetric metric);
}
