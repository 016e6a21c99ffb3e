package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.BILLING_ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.stripe.net.Webhook;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /webhooks/stripe} over HTTP with events signed as Stripe signs them
 * ({@link Webhook.Signature}): signed events change the plan; tampered, expired and replayed ones do not.
 */
class StripeWebhookTest extends BillingTestSupport {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private OrganizationId customer(String customerId) {
        var organization = TestData.organization(dsl, "Webhook customer");
        dsl.insertInto(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.ORGANIZATION_ID, organization)
                .set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, customerId).execute();
        return organization;
    }

    private static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2025-01-27.acacia","created":%d,"livemode":false,
                 "pending_webhooks":1,"type":"%s","data":{"object":%s}}""".formatted(id, System.currentTimeMillis() / 1000,
                type, object);
    }

    private static String subscription(String customer, String price, String status) {
        return """
                {"id":"sub_%s","object":"subscription","customer":"%s","status":"%s",
                 "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item","price":{"id":"%s","object":"price"}}]}}"""
                .formatted(customer, customer, status, price);
    }

    private HttpResponse<String> post(String payload, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(String payload) throws Exception {
        return post(payload, Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
    }

    private String plan(OrganizationId organization) {
        return usage.summary(organization).planId();
    }

    private static String newId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void a_signed_subscription_event_changes_the_plan_and_a_deletion_ends_it() throws Exception {
        stripe();
        var organization = customer("cus_wh_1");

        var response = postSigned(event(newId(), "customer.subscription.updated",
                subscription("cus_wh_1", "price_test_business", "active")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(plan(organization)).isEqualTo("business");

        postSigned(event(newId(), "customer.subscription.deleted", subscription("cus_wh_1", "price_test_business", "canceled")));
        assertThat(plan(organization)).isEqualTo("free");
    }

    @Test
    void a_completed_checkout_links_the_customer_and_sets_the_plan() throws Exception {
        stripe();
        var organization = TestData.organization(dsl, "Checked out");

        var response = postSigned(event(newId(), "checkout.session.completed", """
                {"id":"cs_1","object":"checkout.session","mode":"subscription","client_reference_id":"%s",
                 "customer":"cus_wh_checkout","subscription":"sub_wh_checkout","metadata":{"organization_id":"%s","plan":"pro"}}"""
                .formatted(organization, organization)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var account = usage.summary(organization).account();
        assertThat(account.plan()).isEqualTo("pro");
        assertThat(account.stripeCustomerId()).isEqualTo("cus_wh_checkout");
        assertThat(account.stripeSubscriptionId()).isEqualTo("sub_wh_checkout");
    }

    @Test
    void tampered_unsigned_and_expired_events_get_400_and_change_nothing() throws Exception {
        stripe();
        var organization = customer("cus_wh_2");
        String payload = event(newId(), "customer.subscription.updated", subscription("cus_wh_2", "price_test_pro", "active"));
        String signature = Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET);
        String tampered = payload.replace("price_test_pro", "price_test_business");
        long sixMinutesAgo = System.currentTimeMillis() / 1000 - 360;
        String expired = "t=" + sixMinutesAgo + ",v1=" + hmac(sixMinutesAgo + "." + payload);

        assertThat(post(tampered, signature).statusCode()).isEqualTo(400);
        assertThat(post(payload, null).statusCode()).isEqualTo(400);
        assertThat(post(payload, "t=1,v1=deadbeef").statusCode()).isEqualTo(400);
        var response = post(payload, expired);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_signature");

        assertThat(plan(organization)).isEqualTo("free");
    }

    @Test
    void a_replayed_event_is_acknowledged_but_not_applied_again() throws Exception {
        stripe();
        var organization = customer("cus_wh_3");
        String toPro = event(newId(), "customer.subscription.updated", subscription("cus_wh_3", "price_test_pro", "active"));
        postSigned(toPro);
        postSigned(event(newId(), "customer.subscription.updated", subscription("cus_wh_3", "price_test_business", "active")));

        var replay = postSigned(toPro); // freshly signed, same event id

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
        assertThat(plan(organization)).isEqualTo("business");
    }

    @Test
    void a_failed_payment_shows_past_due_and_after_the_grace_period_the_free_limits_apply() throws Exception {
        stripe();
        var organization = customer("cus_wh_4");
        postSigned(event(newId(), "customer.subscription.created", subscription("cus_wh_4", "price_test_pro", "active")));

        postSigned(event(newId(), "invoice.payment_failed", """
                {"id":"in_wh_4","object":"invoice","customer":"cus_wh_4","status":"open"}"""));
        var summary = usage.summary(organization);
        assertThat(summary.pastDue()).isTrue();
        assertThat(summary.planId()).as("within the grace period").isEqualTo("pro");

        dsl.update(BILLING_ACCOUNTS).set(BILLING_ACCOUNTS.PAST_DUE_SINCE, OffsetDateTime.now().minusDays(8))
                .where(BILLING_ACCOUNTS.ORGANIZATION_ID.eq(organization)).execute();
        summary = usage.summary(organization);
        assertThat(summary.planId()).isEqualTo("free");
        assertThat(summary.subscribedPlanId()).isEqualTo("pro");
        assertThat(summary.downgradedForNonPayment()).isTrue();

        postSigned(event(newId(), "invoice.paid", """
                {"id":"in_wh_4","object":"invoice","customer":"cus_wh_4","status":"paid"}"""));
        summary = usage.summary(organization);
        assertThat(summary.pastDue()).isFalse();
        assertThat(summary.planId()).isEqualTo("pro");
    }

    @Test
    void a_deleted_customer_puts_the_organization_back_on_free_without_a_stripe_link() throws Exception {
        stripe();
        var organization = customer("cus_wh_5");
        postSigned(event(newId(), "customer.subscription.created", subscription("cus_wh_5", "price_test_pro", "active")));

        postSigned(event(newId(), "customer.deleted", """
                {"id":"cus_wh_5","object":"customer","deleted":true}"""));

        var account = usage.summary(organization).account();
        assertThat(account.plan()).isEqualTo("free");
        assertThat(account.stripeCustomerId()).isNull();
    }

    private static String hmac(String signedPayload) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
