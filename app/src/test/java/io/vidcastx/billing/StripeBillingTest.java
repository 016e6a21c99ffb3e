package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
import static io.vidcastx.db.jooq.Tables.USAGE_REPORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The real stripe-java client against {@link StripeStub}: customers, Checkout, Portal, plan changes, invoices, meters. */
class StripeBillingTest extends BillingTestSupport {

    private static final String PAGE = "https://vidcastx.example/settings/billing";

    @Autowired
    UsageReporter reporter;

    private OrganizationId subscribedToPro() {
        var organization = TestData.organization(dsl, "Pro customer");
        dsl.insertInto(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.ORGANIZATION_ID, organization).set(BILLING_ACCOUNTS.PLAN, "pro")
                .set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, "cus_test_" + organization)
                .set(BILLING_ACCOUNTS.STRIPE_SUBSCRIPTION_ID, "sub_test_1").set(BILLING_ACCOUNTS.PAYMENT_STATUS, "active").execute();
        return organization;
    }

    @Test
    void upgrade_opens_a_checkout_session_in_subscription_mode_for_one_lazily_created_customer() throws Exception {
        var stub = stripe();
        var organization = TestData.organization(dsl, "Checkout");
        var owner = caller(organization, Role.OWNER);

        String url = billing.checkoutUrl(owner, "pro", PAGE);
        billing.checkoutUrl(owner, "business", PAGE);

        assertThat(url).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
        assertThat(stub.requests("POST", "/v1/customers")).as("one customer per organization").hasSize(1);
        assertThat(stub.requests("POST", "/v1/customers").getFirst().form("metadata[organization_id]"))
                .isEqualTo(organization.toString());
        var session = stub.requests("POST", "/v1/checkout/sessions").getFirst();
        assertThat(session.form("mode")).isEqualTo("subscription");
        String customer = dsl.select(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID).from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organization)).fetchSingle().value1();
        assertThat(customer).startsWith("cus_test_n");
        assertThat(session.form("customer")).isEqualTo(customer);
        assertThat(session.form("line_items[0][price]")).isEqualTo("price_test_pro");
        assertThat(session.form("client_reference_id")).isEqualTo(organization.toString());
        assertThat(session.form("success_url")).isEqualTo(PAGE + "?checkout=success");
        assertThat(session.header("Authorization")).isEqualTo("Bearer sk_test_vidcastx");
    }

    @Test
    void manage_payment_opens_the_billing_portal_returning_to_the_billing_page() throws Exception {
        var stub = stripe();
        var organization = subscribedToPro();

        String url = billing.portalUrl(caller(organization, Role.OWNER), PAGE);

        assertThat(url).isEqualTo("https://billing.stripe.com/p/session/test_1");
        var request = stub.requests("POST", "/v1/billing_portal/sessions").getFirst();
        assertThat(request.form("customer")).isEqualTo("cus_test_" + organization);
        assertThat(request.form("return_url")).isEqualTo(PAGE + "?portal=returned");
    }

    @Test
    void only_an_owner_changes_plans_or_payment_and_an_admin_still_sees_invoices() throws Exception {
        var stub = stripe();
        var organization = subscribedToPro();
        var admin = caller(organization, Role.ADMIN);

        assertThatThrownBy(() -> billing.checkoutUrl(admin, "business", PAGE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> billing.portalUrl(admin, PAGE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> billing.changePlan(admin, "business")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> billing.invoices(caller(organization, Role.MEMBER), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(billing.invoices(admin, null).invoices()).hasSize(2);
        assertThat(stub.requests("POST", "/v1/checkout/sessions")).isEmpty();
    }

    @Test
    void a_plan_change_is_previewed_with_proration_then_made_as_a_subscription_update() throws Exception {
        var stub = stripe();
        var organization = subscribedToPro();
        var owner = caller(organization, Role.OWNER);

        var preview = billing.previewChange(owner, "business");
        billing.changePlan(owner, "business");

        assertThat(preview.amountDueCents()).isEqualTo(45012);
        assertThat(preview.allowed()).isTrue();
        var previewRequest = stub.requests("POST", "/v1/invoices/create_preview").getFirst();
        assertThat(previewRequest.form("subscription_details[items][0][id]")).isEqualTo("si_test_1");
        assertThat(previewRequest.form("subscription_details[items][0][price]")).isEqualTo("price_test_business");
        assertThat(previewRequest.form("subscription_details[proration_behavior]")).isEqualTo("create_prorations");
        var update = stub.requests("POST", "/v1/subscriptions/sub_test_1").getFirst();
        assertThat(update.form("items[0][price]")).isEqualTo("price_test_business");
        assertThat(update.form("proration_behavior")).isEqualTo("create_prorations");
        assertThat(usage.summary(organization).planId()).isEqualTo("business");
    }

    @Test
    void a_downgrade_below_current_usage_says_what_must_go_first_and_changes_nothing() throws Exception {
        var stub = stripe();
        var organization = subscribedToPro();
        use(organization, UsageMetric.STORAGE_GB_HOURS, 9000); // Free: 7,200 GB-h, a hard limit

        var preview = billing.previewChange(caller(organization, Role.OWNER), "free");

        assertThat(preview.allowed()).isFalse();
        assertThat(preview.blockers()).singleElement().asString()
                .contains("Storage: 9000 GB-h used this period, the Free plan includes 7200.", "Delete videos");
        assertThatThrownBy(() -> billing.changePlan(caller(organization, Role.OWNER), "free"))
                .hasMessageContaining("Delete videos");
        assertThat(stub.requests("DELETE", "/v1/subscriptions/sub_test_1")).isEmpty();
        assertThat(usage.summary(organization).planId()).isEqualTo("pro");
    }

    @Test
    void invoices_are_paged_and_cached_briefly() throws Exception {
        var stub = stripe();
        var organization = subscribedToPro();
        var owner = caller(organization, Role.OWNER);

        var first = billing.invoices(owner, null);
        billing.invoices(owner, null);
        var second = billing.invoices(owner, first.nextCursor());

        assertThat(first.invoices()).extracting(InvoiceRow::number).containsExactly("VCX-0003", "VCX-0002");
        assertThat(first.invoices().getFirst().hostedUrl()).isEqualTo("https://invoice.stripe.com/i/test_1");
        assertThat(first.invoices().getFirst().pdfUrl()).isEqualTo("https://pay.stripe.com/invoice/test_1/pdf");
        assertThat(first.invoices().getFirst().amountCents()).isEqualTo(4900);
        assertThat(first.nextCursor()).isEqualTo("in_test_2");
        assertThat(second.invoices()).extracting(InvoiceRow::number).containsExactly("VCX-0001");
        assertThat(second.nextCursor()).isNull();
        assertThat(stub.requests("GET", "/v1/invoices")).as("the repeated first page came from the cache").hasSize(2);
        assertThat(stub.requests("GET", "/v1/invoices").getFirst().query()).contains("customer=cus_test_" + organization);
    }

    @Test
    void closed_period_usage_reaches_stripe_meters_once_and_survives_an_outage() {
        var stub = stripe();
        var organization = subscribedToPro();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var lastPeriod = BillingPeriod.containing(BillingPeriod.current().startInstant().minusDays(1));
        dsl.insertInto(USAGE_RECORDS).set(USAGE_RECORDS.ORGANIZATION_ID, organization)
                .set(USAGE_RECORDS.METRIC, "encoding_minutes").set(USAGE_RECORDS.SOURCE_KEY, "test:last-period")
                .set(USAGE_RECORDS.QUANTITY, 42.4).set(USAGE_RECORDS.RECORDED_AT, lastPeriod.startInstant().plusDays(3)).execute();

        reporter.saveClosedPeriod(now);
        stub.failures.put("/v1/billing/meter_events", 503);
        reporter.send();
        assertThat(pendingReports(organization)).as("Stripe is down: kept for the next run").isEqualTo(1);

        stub.failures.clear();
        reporter.send();
        reporter.saveClosedPeriod(now);
        reporter.send();

        assertThat(pendingReports(organization)).isZero();
        var sent = stub.requests("POST", "/v1/billing/meter_events").stream()
                .filter(r -> r.body().contains(organization.toString())).toList();
        String key = "vidcastx-" + organization + "-" + lastPeriod.start() + "-encoding_minutes";
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.header("Idempotency-Key")).isEqualTo(key);
            assertThat(r.form("identifier")).isEqualTo(key);
        });
        var accepted = sent.getLast();
        assertThat(accepted.form("event_name")).isEqualTo("vidcastx_encoding_minutes");
        assertThat(accepted.form("payload[stripe_customer_id]")).isEqualTo("cus_test_" + organization);
        assertThat(accepted.form("payload[value]")).isEqualTo("43");
        assertThat(dsl.fetchCount(USAGE_REPORTS, USAGE_REPORTS.ORGANIZATION_ID.eq(organization))).isEqualTo(1);
    }

    private int pendingReports(OrganizationId organization) {
        return dsl.fetchCount(USAGE_REPORTS, USAGE_REPORTS.ORGANIZATION_ID.eq(organization).and(USAGE_REPORTS.REPORTED_AT.isNull()));
    }
}
