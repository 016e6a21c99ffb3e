package io.vidcastx.billing;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Billing tests: Stripe pointed at {@link StripeStub} and the paid plans given test prices, for one test at a time. */
abstract class BillingTestSupport extends AppTestSupport {

    static final String WEBHOOK_SECRET = "whsec_test_secret_for_vidcastx";

    @Autowired
    protected StripeConnection connection;
    @Autowired
    protected BillingProperties properties;
    @Autowired
    protected UsageMeter meter;
    @Autowired
    protected UsageService usage;
    @Autowired
    protected BillingService billing;

    private final java.util.Map<String, BillingProperties.Plan> originalPlans = new java.util.HashMap<>();

    protected StripeStub stripe() {
        var stub = StripeStub.get();
        stub.clear();
        connection.use(new StripeConnection.Settings("sk_test_vidcastx", WEBHOOK_SECRET, stub.base()));
        price("pro", "price_test_pro");
        price("business", "price_test_business");
        return stub;
    }

    private void price(String planId, String priceId) {
        var plan = properties.plans().get(planId);
        originalPlans.putIfAbsent(planId, plan);
        properties.plans().put(planId, new BillingProperties.Plan(plan.title(), plan.price(), priceId, plan.included(),
                plan.hardLimits()));
    }

    @AfterEach
    void backToConfiguredBilling() {
        connection.reset();
        properties.plans().putAll(originalPlans);
        originalPlans.clear();
    }

    static Caller caller(OrganizationId organization, Role role) {
        return new Caller(organization, null, null, role);
    }

    protected void use(OrganizationId organization, UsageMetric metric, double quantity) {
        meter.record(organization, metric, "test:" + java.util.UUID.randomUUID(), quantity);
    }
}
