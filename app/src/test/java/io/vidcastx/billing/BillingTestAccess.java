package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;

import java.util.HashMap;
import java.util.Map;

import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package (the Billing page's): Stripe pointed at {@link StripeStub} with
 * test prices, subscriptions and usage put in place, and everything undone by {@link #reset()}.
 */
public class BillingTestAccess {

    private final StripeConnection connection;
    private final BillingProperties properties;
    private final UsageMeter meter;
    private final DSLContext dsl;
    private final Map<String, BillingProperties.Plan> originalPlans = new HashMap<>();
    private final java.util.List<String> usageKeys = new java.util.ArrayList<>();

    public BillingTestAccess(ApplicationContext context) {
        this.connection = context.getBean(StripeConnection.class);
        this.properties = context.getBean(BillingProperties.class);
        this.meter = context.getBean(UsageMeter.class);
        this.dsl = context.getBean(DSLContext.class);
    }

    public void useStripeStub() {
        var stub = StripeStub.get();
        stub.clear();
        connection.use(new StripeConnection.Settings("sk_test_vidcastx", BillingTestSupport.WEBHOOK_SECRET, stub.base()));
        for (var price : Map.of("pro", "price_test_pro", "business", "price_test_business").entrySet()) {
            var plan = properties.plans().get(price.getKey());
            originalPlans.putIfAbsent(price.getKey(), plan);
            properties.plans().put(price.getKey(), new BillingProperties.Plan(plan.title(), plan.price(), price.getValue(),
                    plan.included(), plan.hardLimits()));
        }
    }

    /** A form field of the last request the Stripe stub received at this path (say, a Checkout session's success_url). */
    public String lastStripeForm(String method, String path, String field) {
        var requests = StripeStub.get().requests(method, path);
        if (requests.isEmpty()) {
            throw new AssertionError("Stripe received no " + method + " " + path);
        }
        return requests.getLast().form(field);
    }

    public void subscribe(OrganizationId organization, String plan) {
        dsl.insertInto(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.ORGANIZATION_ID, organization).set(BILLING_ACCOUNTS.PLAN, plan)
                .set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, "cus_view_" + organization)
                .set(BILLING_ACCOUNTS.STRIPE_SUBSCRIPTION_ID, "sub_test_1").set(BILLING_ACCOUNTS.PAYMENT_STATUS, "active")
                .onConflictDoNothing().execute();
    }

    public void pastDue(OrganizationId organization) {
        pastDueSince(organization, java.time.OffsetDateTime.now());
    }

    /** The first payment failed at {@code since} (the grace period runs from there). */
    public void pastDueSince(OrganizationId organization, java.time.OffsetDateTime since) {
        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PAYMENT_STATUS, "past_due")
                .set(BILLING_ACCOUNTS.PAST_DUE_SINCE, since)
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organization)).execute();
    }

    public void use(OrganizationId organization, String metric, double quantity) {
        String key = "test:" + java.util.UUID.randomUUID();
        usageKeys.add(key);
        meter.record(organization, UsageMetric.fromDb(metric), key, quantity);
    }

    public void reset() {
        connection.reset();
        properties.plans().putAll(originalPlans);
        originalPlans.clear();
        if (!usageKeys.isEmpty()) {
            dsl.deleteFrom(USAGE_RECORDS).where(USAGE_RECORDS.SOURCE_KEY.in(usageKeys)).execute();
            usageKeys.clear();
        }
    }
}
