package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
import static io.vidcastx.db.jooq.Tables.USAGE_REPORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;

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

    /** A day into the period after the closed one: its usage has settled and may be reported. */
    private static OffsetDateTime afterSettling() {
        return BillingPeriod.current().startInstant().plusDays(20);
    }

    private static BillingPeriod lastPeriod() {
        return BillingPeriod.containing(BillingPeriod.current().startInstant().minusDays(1));
    }

    private void usedLastPeriod(OrganizationId organization, String metric, double quantity) {
        dsl.insertInto(USAGE_RECORDS).set(USAGE_RECORDS.ORGANIZATION_ID, organization)
                .set(USAGE_RECORDS.METRIC, metric).set(USAGE_RECORDS.SOURCE_KEY, "test:last-period:" + metric)
                .set(USAGE_RECORDS.QUANTITY, quantity).set(USAGE_RECORDS.RECORDED_AT, lastPeriod().startInstant().plusDays(3))
                .execute();
    }

    private static String key(OrganizationId organization, String metric) {
        return "vidcastx-" + organization + "-" + lastPeriod().start() + "-" + metric;
    }

    /** The jobs sending the organizations' reports, as (attempts, status) rows. */
    private java.util.List<org.jooq.Record2<Integer, String>> reportJobs(OrganizationId... organizations) {
        return dsl.select(JOBS.ATTEMPTS, JOBS.STATUS).from(USAGE_REPORTS).join(JOBS).on(JOBS.JOB_ID.eq(USAGE_REPORTS.JOB_ID))
                .where(USAGE_REPORTS.ORGANIZATION_ID.in(organizations)).fetch();
    }

    private static int closedPort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void meter_events_are_retried_through_the_queue_across_an_outage_and_each_arrives_exactly_once() throws Exception {
        var stub = stripe();
        var first = subscribedToPro();
        var second = subscribedToPro();
        usedLastPeriod(first, "encoding_minutes", 42.4);
        usedLastPeriod(first, "delivery_minutes", 1000);
        usedLastPeriod(second, "storage_gb_hours", 7.2);
        assertThat(reporter.saveClosedPeriod(lastPeriod().endInstant().plusHours(1)))
                .as("the closed period is still settling").isZero();

        // Stripe cannot be reached at all: connections are refused.
        connection.use(new StripeConnection.Settings("sk_test_vidcastx", WEBHOOK_SECRET, "http://127.0.0.1:" + closedPort()));
        assertThat(reporter.saveClosedPeriod(afterSettling())).isGreaterThanOrEqualTo(3);
        reporter.enqueuePending();
        await().atMost(Duration.ofSeconds(60)).until(() -> reportJobs(first, second).size() == 3
                && reportJobs(first, second).stream().allMatch(job -> job.value1() >= 2));
        // Stripe answers again, but with server errors.
        stub.failures.put("/v1/billing/meter_events", 500);
        connection.use(new StripeConnection.Settings("sk_test_vidcastx", WEBHOOK_SECRET, stub.base()));
        int attemptsSoFar = reportJobs(first, second).stream().mapToInt(job -> job.value1()).max().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> reportJobs(first, second).stream()
                .allMatch(job -> job.value1() >= attemptsSoFar + 2));
        assertThat(stub.requests("POST", "/v1/billing/meter_events")).as("Stripe was reached and answered 500").isNotEmpty();
        assertThat(pendingReports(first) + pendingReports(second)).isEqualTo(3);
        assertThat(stub.appliedMeterEvents).isEmpty();
        // Stripe recovers; the answer to the first event it applies is lost on the way back.
        stub.lostMeterEventAnswers.set(1);
        stub.failures.clear();
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingReports(first) + pendingReports(second) == 0);

        assertThat(reportJobs(first, second)).extracting(job -> job.value2()).containsOnly("completed");
        assertThat(stub.lostMeterEventAnswers.get()).as("an answer was lost, and the event sent again").isZero();
        var expected = java.util.Map.of(key(first, "encoding_minutes"), "43", key(first, "delivery_minutes"), "1000",
                key(second, "storage_gb_hours"), "8");
        var sent = stub.requests("POST", "/v1/billing/meter_events").stream()
                .filter(r -> r.body().contains(first.toString()) || r.body().contains(second.toString())).toList();
        assertThat(sent).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(r.form("identifier")));
        assertThat(sent).extracting(r -> r.form("identifier")).containsOnlyElementsOf(expected.keySet());
        assertThat(sent.size()).as("retried").isGreaterThan(3);
        for (var report : expected.entrySet()) {
            var applied = stub.appliedMeterEvents.get(report.getKey());
            assertThat(applied).as(report.getKey()).isNotNull();
            assertThat(applied.form("payload[value]")).isEqualTo(report.getValue());
        }
        assertThat(stub.appliedMeterEvents.keySet().stream().filter(expected::containsKey)).hasSize(3);
        var encoding = stub.appliedMeterEvents.get(key(first, "encoding_minutes"));
        assertThat(encoding.form("event_name")).isEqualTo("vidcastx_encoding_minutes");
        assertThat(encoding.form("payload[stripe_customer_id]")).isEqualTo("cus_test_" + first);
        assertThat(Long.parseLong(encoding.form("timestamp"))).isEqualTo(lastPeriod().endInstant().toEpochSecond() - 1);

        reporter.saveClosedPeriod(afterSettling());
        assertThat(reporter.enqueuePending()).as("nothing left to send").isZero();
        assertThat(dsl.fetchCount(USAGE_REPORTS, USAGE_REPORTS.ORGANIZATION_ID.in(first, second))).isEqualTo(3);
    }

    @Test
    void a_report_whose_job_failed_gets_a_new_job_from_the_hourly_run_and_is_applied_once() {
        var stub = stripe();
        var organization = subscribedToPro();
        usedLastPeriod(organization, "encoding_minutes", 5);
        reporter.saveClosedPeriod(afterSettling());
        // Stripe taken out of the configuration (a restart without the key): the job fails for good.
        connection.reset();
        reporter.enqueuePending();
        await().atMost(Duration.ofSeconds(30)).until(() -> reportJobs(organization).stream()
                .anyMatch(job -> job.value2().equals("failed")));
        assertThat(pendingReports(organization)).isEqualTo(1);

        stripe();
        assertThat(reporter.enqueuePending()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingReports(organization) == 0);

        assertThat(reportJobs(organization)).extracting(job -> job.value2()).containsExactly("completed");
        assertThat(stub.requests("POST", "/v1/billing/meter_events").stream()
                .filter(r -> r.body().contains(organization.toString()))).hasSize(1);
        assertThat(stub.appliedMeterEvents).containsKey(key(organization, "encoding_minutes"));
    }

    private int pendingReports(OrganizationId organization) {
        return dsl.fetchCount(USAGE_REPORTS, USAGE_REPORTS.ORGANIZATION_ID.eq(organization).and(USAGE_REPORTS.REPORTED_AT.isNull()));
    }
}
