package io.vidcastx.billing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage per organization and period against its plan: what the dashboard and the API show, the hard
 * limits that refuse new uploads and live streams, and the threshold warnings (80% and 100%).
 */
@Service
public class UsageService {

    static final String THRESHOLD_EVENT = "organization.usage.threshold";
    private static final int[] THRESHOLDS = {80, 100};

    private final BillingRepository billing;
    private final BillingProperties properties;
    private final UsageMeter meter;
    private final EventRecorder events;
    private final TransactionTemplate transactions;

    UsageService(BillingRepository billing, BillingProperties properties, UsageMeter meter, EventRecorder events,
                 TransactionTemplate transactions) {
        this.billing = billing;
        this.properties = properties;
        this.meter = meter;
        this.events = events;
        this.transactions = transactions;
    }

    /** Any member (and any API key) of the organization sees its usage. */
    public UsageSummary usage(Caller caller) {
        caller.require(Role.VIEWER, "see usage");
        return summary(caller.organizationId());
    }

    /** The plans on offer, cheapest first. */
    public Map<String, BillingProperties.Plan> plans() {
        return new LinkedHashMap<>(properties.plans());
    }

    UsageSummary summary(OrganizationId organizationId) {
        var account = billing.account(organizationId).orElse(BillingAccount.none(properties.defaultPlan()));
        String subscribed = properties.plans().containsKey(account.plan()) ? account.plan() : properties.defaultPlan();
        String applied = graceOver(account) ? properties.defaultPlan() : subscribed;
        var plan = plan(applied);
        var period = BillingPeriod.current();
        var used = billing.usage(organizationId, period.startInstant(), period.endInstant());
        var metrics = new ArrayList<UsageSummary.MetricUsage>();
        for (var metric : UsageMetric.values()) {
            Double included = plan.included().get(metric);
            metrics.add(new UsageSummary.MetricUsage(metric, used.getOrDefault(metric, 0.0),
                    included == null || included.isInfinite() ? null : included, plan.hardLimits().contains(metric)));
        }
        return new UsageSummary(applied, plan, subscribed, period, List.copyOf(metrics), account);
    }

    BillingProperties.Plan plan(String id) {
        var plan = properties.plans().get(id);
        if (plan == null) {
            throw new IllegalStateException("No plan '" + id + "' under vidcastx.billing.plans");
        }
        return plan;
    }

    private boolean graceOver(BillingAccount account) {
        return account.pastDueSince() != null
                && account.pastDueSince().plus(properties.gracePeriod()).isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Refuses something new (an upload, a live stream) once a hard limit is used up. What is stored and
     * what is running is never touched: this is asked only before starting something.
     *
     * @throws QuotaExceededException saying which limits are used up and where to upgrade
     */
    public void requireWithinHardLimits(OrganizationId organizationId, String action) {
        var summary = summary(organizationId);
        var messages = new ArrayList<String>();
        for (var usage : summary.metrics()) {
            if (usage.hard() && usage.exhausted()) {
                messages.add(quotaMessage(summary, usage, action));
            }
        }
        if (!messages.isEmpty()) {
            throw new QuotaExceededException(messages);
        }
    }

    static String quotaMessage(UsageSummary summary, UsageSummary.MetricUsage usage, String action) {
        return String.format(Locale.ROOT, "The %s plan's %s %s of %s for this period are used up (%s used), so you cannot %s."
                        + " Upgrade your plan in Settings › Billing.", title(summary.planId(), summary.plan()),
                amount(usage.included()), usage.metric().unit(), usage.metric().label().toLowerCase(Locale.ROOT),
                amount(usage.used()), action);
    }

    static String title(String id, BillingProperties.Plan plan) {
        return plan.title() != null ? plan.title() : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    static String amount(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * Sends {@code organization.usage.threshold} for each threshold newly crossed this period; each
     * (period, metric, threshold) is sent once, whichever node or run sees it first.
     *
     * @return the thresholds newly crossed, as "metric:percent"
     */
    public List<String> checkThresholds(OrganizationId organizationId) {
        var summary = summary(organizationId);
        var crossed = new ArrayList<String>();
        for (var usage : summary.metrics()) {
            if (usage.included() == null) {
                continue;
            }
            for (int percent : THRESHOLDS) {
                if (usage.percent() < percent) {
                    continue;
                }
                boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
                    if (!billing.markThresholdSent(organizationId, summary.period().start(), usage.metric(), percent)) {
                        return false;
                    }
                    events.record(organizationId, THRESHOLD_EVENT, "organization", organizationId.toString(),
                            thresholdData(organizationId, summary, usage, percent));
                    return true;
                }));
                if (first) {
                    crossed.add(usage.metric().dbValue() + ":" + percent);
                }
            }
        }
        return crossed;
    }

    /** Threshold checks for every organization that used anything this period (the hourly run). */
    public int checkAllThresholds() {
        var period = BillingPeriod.current();
        int crossed = 0;
        for (var organization : billing.organizationsWithUsage(period.startInstant(), period.endInstant())) {
            crossed += checkThresholds(organization).size();
        }
        return crossed;
    }

    private static Map<String, Object> thresholdData(OrganizationId organizationId, UsageSummary summary,
                                                     UsageSummary.MetricUsage usage, int percent) {
        var data = new LinkedHashMap<String, Object>();
        data.put("organization_id", organizationId.toString());
        data.put("metric", usage.metric().dbValue());
        data.put("threshold_percent", percent);
        data.put("used", usage.used());
        data.put("included", usage.included());
        data.put("hard_limit", usage.hard());
        data.put("plan", summary.planId());
        data.put("period_start", summary.period().start().toString());
        data.put("period_end", summary.period().end().toString());
        return data;
    }

    /** Delivery minutes of a slice of served bytes; see {@link DeliveryMeter}. */
    boolean recordDeliveryMinutes(OrganizationId organizationId, String sliceKey, double minutes) {
        return meter.record(organizationId, UsageMetric.DELIVERY_MINUTES, "delivery:" + sliceKey, minutes);
    }
}
