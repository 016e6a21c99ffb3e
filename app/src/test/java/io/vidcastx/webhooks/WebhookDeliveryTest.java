package io.vidcastx.webhooks;

import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest extends WebhookTestSupport {

    @Test
    void a_receiver_failing_three_times_then_succeeding_accepts_exactly_one_delivery_with_one_webhook_id() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500), Reply.status(502), Reply.status(500), Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/hooks"), "video.asset.ready");
            var eventId = record(organization, "video.asset.ready");

            var delivery = awaitFinished(endpoint.id());

            assertThat(delivery.getStatus()).isEqualTo("succeeded");
            var requests = receiver.received();
            assertThat(requests).hasSize(4);
            assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly("msg_" + eventId.toString().replace("-", ""));
            assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(delivery.getPayload());
            assertThat(attempts(endpoint.id())).extracting(a -> a.getStatusCode()).containsExactly(500, 502, 500, 200);
            assertThat(attempts(endpoint.id())).extracting(a -> a.getNextRetryAt() != null)
                    .containsExactly(true, true, true, false);
            assertThat(attempts(endpoint.id()).getFirst().getResponseExcerpt()).isEqualTo("status 500");
            // Every attempt is signed afresh (its own timestamp) with the endpoint's secret.
            String secret = webhooks.signingSecret(owner, endpoint.id());
            for (var request : requests) {
                long timestamp = Long.parseLong(request.header("webhook-timestamp"));
                assertThat(request.header("webhook-signature")).isEqualTo("v1," + WebhookSignatures.standardSignature(
                        secret, request.header("webhook-id"), timestamp, request.body()));
            }
            // Nothing more arrives once the receiver accepted it.
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 4);
        }
    }

    @Test
    void only_enabled_endpoints_of_the_events_organization_that_chose_its_type_get_it() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(204))) {
            var chosen = endpoint(receiver.url("/chosen"), "video.asset.ready", "video.asset.errored");
            var otherType = endpoint(receiver.url("/other-type"), "video.asset.errored");
            var disabled = endpoint(receiver.url("/disabled"), "video.asset.ready");
            webhooks.setEnabled(owner, disabled.id(), false);
            var otherOrganization = accounts.createOrganization(OWNER_EMAIL, "Other Films " + System.nanoTime());
            var theirs = webhooks.create(new io.vidcastx.security.Caller(otherOrganization, null, null,
                    io.vidcastx.accounts.Role.OWNER), new WebhookService.EndpointSettings(receiver.url("/theirs"), "",
                    java.util.Set.of("video.asset.ready")));

            record(organization, "video.asset.ready");

            assertThat(awaitFinished(chosen.id()).getStatus()).isEqualTo("succeeded");
            assertThat(deliveries(otherType.id())).isEmpty();
            assertThat(deliveries(disabled.id())).isEmpty();
            assertThat(deliveries(theirs.id())).isEmpty();
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/chosen");
        }
    }

    @Test
    void gone_disables_the_endpoint_and_the_organization_is_told() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(410))) {
            var endpoint = endpoint(receiver.url("/gone"), "video.upload.created");
            record(organization, "video.upload.created");

            var delivery = awaitFinished(endpoint.id());

            assertThat(delivery.getStatus()).isEqualTo("failed");
            assertThat(receiver.received()).hasSize(1);
            var after = webhooks.endpoint(owner, endpoint.id()).orElseThrow();
            assertThat(after.enabled()).isFalse();
            assertThat(after.disabledReason()).isEqualTo(DisabledReason.GONE);
            assertThat(webhooks.automaticallyDisabled(owner)).extracting(WebhookEndpoint::id).containsExactly(endpoint.id());
            // Later events are not delivered to it.
            record(organization, "video.upload.created");
            assertThat(deliveries(endpoint.id())).hasSize(1);

            webhooks.setEnabled(owner, endpoint.id(), true);
            assertThat(webhooks.automaticallyDisabled(owner)).isEmpty();
        }
    }

    @Test
    void retry_after_on_503_is_honoured_when_longer_than_the_schedule() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(503).withHeader("Retry-After", "2"), Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/busy"), "video.asset.ready");
            record(organization, "video.asset.ready");

            assertThat(awaitFinished(endpoint.id()).getStatus()).isEqualTo("succeeded");

            var requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
        }
    }

    @Test
    void an_endpoint_that_has_failed_for_days_is_disabled() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500))) {
            var endpoint = endpoint(receiver.url("/down"), "video.asset.ready");
            dsl.update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.FAILING_SINCE, OffsetDateTime.now().minusDays(6))
                    .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(endpoint.id())).execute();
            failedAttemptHoursAgo(endpoint.id(), 3); // it has been failing all along, tried hours ago too

            record(organization, "video.asset.ready");

            assertThat(awaitFinished(endpoint.id()).getFailureReason()).contains("was disabled");
            assertThat(receiver.received()).hasSize(1);
            assertThat(webhooks.endpoint(owner, endpoint.id()).orElseThrow().disabledReason()).isEqualTo(DisabledReason.FAILING);
            assertThat(webhooks.automaticallyDisabled(owner)).hasSize(1);
        }
    }

    @Test
    void after_a_quiet_week_one_failure_starts_a_new_streak_instead_of_disabling_the_endpoint() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500), Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/quiet"), "video.asset.ready");
            dsl.update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.FAILING_SINCE, OffsetDateTime.now().minusDays(6))
                    .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(endpoint.id())).execute();
            failedAttemptHoursAgo(endpoint.id(), 24 * 6); // its last try was the day the streak began

            record(organization, "video.asset.ready");

            assertThat(awaitFinished(endpoint.id()).getStatus()).isEqualTo("succeeded");
            assertThat(receiver.received()).hasSize(2);
            assertThat(webhooks.endpoint(owner, endpoint.id()).orElseThrow().disabledReason()).isNull();
        }
    }

    @Test
    void a_delivery_cut_short_by_disabling_its_endpoint_can_be_resent_once_it_is_enabled_again() throws Exception {
        // Retry-After holds the retry back long enough to disable the endpoint first.
        try (var receiver = new WebhookReceiver(Reply.status(503).withHeader("Retry-After", "3"), Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/paused"), "video.asset.ready");
            record(organization, "video.asset.ready");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            webhooks.setEnabled(owner, endpoint.id(), false); // before the retry runs

            var delivery = awaitFinished(endpoint.id());
            assertThat(delivery.getFailureReason()).isEqualTo("The endpoint is disabled");
            var log = webhooks.attempts(owner, endpoint.id(), 0, 10);
            assertThat(log).singleElement().satisfies(attempt -> {
                assertThat(attempt.latest()).as("the log offers Resend on it").isTrue();
                assertThat(attempt.deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
            });

            webhooks.setEnabled(owner, endpoint.id(), true);
            webhooks.resend(owner, new io.vidcastx.db.ids.WebhookDeliveryId(delivery.getWebhookDeliveryId().value()));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            assertThat(awaitFinished(endpoint.id()).getStatus()).isEqualTo("succeeded");
        }
    }

    @Test
    void a_delivery_whose_job_keeps_failing_ends_failed_instead_of_pending_for_ever() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/broken"), "video.asset.ready");
            // A stored URL the sender cannot even parse: every run of the job throws.
            dsl.update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.URL, "http://127.0.0.1:1/a b")
                    .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(endpoint.id())).execute();

            record(organization, "video.asset.ready");

            var delivery = awaitFinished(endpoint.id());
            assertThat(delivery.getStatus()).isEqualTo("failed");
            assertThat(delivery.getFailureReason()).startsWith("Could not be sent");
            assertThat(receiver.received()).isEmpty();
        }
    }

    /** A failed attempt of an older delivery of the endpoint, as the log would hold it. */
    private void failedAttemptHoursAgo(io.vidcastx.db.ids.WebhookEndpointId endpoint, int hours) {
        var delivery = java.util.UUID.randomUUID();
        var when = OffsetDateTime.now().minusHours(hours);
        dsl.execute("insert into webhook_deliveries (webhook_delivery_id, webhook_endpoint_id, organization_id, message_id, "
                + "event_type, payload, status, attempts, created_at) values (?, ?, ?, ?, 'video.asset.ready', '{}', 'failed', 1, ?::timestamptz)",
                delivery, endpoint.value(), organization.value(), "msg_" + delivery, when.toString());
        dsl.execute("insert into webhook_attempts (webhook_attempt_id, webhook_delivery_id, webhook_endpoint_id, organization_id, "
                + "attempt, attempted_at, status_code, latency_ms) values (?, ?, ?, ?, 1, ?::timestamptz, 500, 5)",
                java.util.UUID.randomUUID(), delivery, endpoint.value(), organization.value(), when.toString());
    }

    @Test
    void a_delivery_that_fails_every_attempt_of_the_schedule_is_given_up_and_can_be_resent() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500))) {
            var endpoint = endpoint(receiver.url("/flaky"), "video.asset.deleted");
            record(organization, "video.asset.deleted");

            var delivery = awaitFinished(endpoint.id());
            int perRound = context.getBean(WebhookProperties.class).attemptsPerRound();
            assertThat(delivery.getStatus()).isEqualTo("failed");
            assertThat(delivery.getFailureReason()).startsWith("Gave up after " + perRound + " attempts");
            assertThat(receiver.received()).hasSize(perRound);

            webhooks.resend(owner, new io.vidcastx.db.ids.WebhookDeliveryId(delivery.getWebhookDeliveryId().value()));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2 * perRound
                    && deliveries(endpoint.id()).getFirst().getStatus().equals("failed"));
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(delivery.getMessageId());
            assertThat(attempts(endpoint.id())).hasSize(2 * perRound);
        }
    }

    @Test
    void a_test_event_reaches_the_endpoint_whatever_it_chose() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/test"), "video.asset.ready");

            webhooks.sendTestEvent(owner, endpoint.id());

            assertThat(awaitFinished(endpoint.id()).getEventType()).isEqualTo("webhook.test");
            assertThat(receiver.received().getFirst().body()).contains("\"type\":\"webhook.test\"")
                    .contains("\"organization\":{\"id\":\"" + organization + "\",\"name\":\"Acme Films\"}");
        }
    }

    @Test
    void another_organization_can_neither_see_nor_touch_an_endpoint() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(500))) {
            var endpoint = endpoint(receiver.url("/ours"), "video.asset.ready");
            record(organization, "video.asset.ready");
            var delivery = awaitFinished(endpoint.id());
            var stranger = new io.vidcastx.security.Caller(accounts.createOrganization(OWNER_EMAIL, "Stranger " + System.nanoTime()),
                    null, null, io.vidcastx.accounts.Role.OWNER);
            var deliveryId = new io.vidcastx.db.ids.WebhookDeliveryId(delivery.getWebhookDeliveryId().value());

            assertThat(webhooks.endpoints(stranger)).isEmpty();
            assertThat(webhooks.endpoint(stranger, endpoint.id())).isEmpty();
            assertThat(webhooks.attempts(stranger, endpoint.id(), 0, 50)).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.signingSecret(stranger, endpoint.id()))
                    .hasMessage("No such webhook endpoint");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.resend(stranger, deliveryId))
                    .hasMessage("No such delivery");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.delete(stranger, endpoint.id()))
                    .hasMessage("No such webhook endpoint");
            assertThat(webhooks.endpoint(owner, endpoint.id())).isPresent();
        }
    }

    @Test
    void control_characters_in_a_response_are_logged_as_spaces() throws Exception {
        try (var receiver = new WebhookReceiver(new Reply(200, java.util.Map.of(), "ok\u0000then\u0007more\nline"))) {
            var endpoint = endpoint(receiver.url("/binary"), "video.asset.ready");
            record(organization, "video.asset.ready");

            assertThat(awaitFinished(endpoint.id()).getStatus()).isEqualTo("succeeded");
            assertThat(attempts(endpoint.id()).getFirst().getResponseExcerpt()).isEqualTo("ok then more\nline");
        }
    }

    @Test
    void a_secret_that_no_longer_decrypts_fails_the_delivery_with_the_reason() throws Exception {
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/key"), "video.asset.ready");
            var other = endpoint(receiver.url("/other"), "video.asset.errored");
            // Another endpoint's ciphertext: sealed for a different endpoint id, so it must not open here.
            dsl.update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT, dsl.select(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT)
                            .from(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(other.id())).fetchSingle().value1())
                    .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(endpoint.id())).execute();

            record(organization, "video.asset.ready");

            assertThat(awaitFinished(endpoint.id()).getFailureReason()).contains("does not decrypt");
            assertThat(receiver.received()).isEmpty();
        }
    }
}
