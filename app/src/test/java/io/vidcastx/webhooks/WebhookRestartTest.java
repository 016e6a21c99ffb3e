package io.vidcastx.webhooks;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A delivery waiting for its retry survives the app: a second app instance makes the first attempt
 * and is shut down while the retry waits; the retry lives on as a job in PostgreSQL and is sent by
 * the app that runs next, with the same webhook-id.
 */
class WebhookRestartTest extends WebhookTestSupport {

    @Autowired
    WebhookConsumer consumer;

    @Test
    void a_delivery_pending_retry_is_sent_by_the_next_app_after_a_restart() throws Exception {
        consumer.stop(Duration.ofSeconds(5)); // only the app started below consumes webhooks for now
        try (var receiver = new WebhookReceiver(Reply.status(503).withHeader("Retry-After", "3"), Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/restart"), "video.asset.ready");
            try (var firstApp = new SpringApplicationBuilder(VidcastxApplication.class)
                    .run("--server.port=0", "--spring.main.banner-mode=off")) {
                record(organization, "video.asset.ready");
                await().atMost(Duration.ofSeconds(20)).until(() -> attempts(endpoint.id()).size() == 1);
            }
            var waiting = deliveries(endpoint.id()).getFirst();
            assertThat(waiting.getStatus()).isEqualTo("pending");
            assertThat(waiting.getNextAttemptAt()).isAfter(OffsetDateTime.now());
            assertThat(dsl.fetchCount(JOBS, JOBS.QUEUE.eq("webhooks").and(JOBS.STATUS.eq("waiting"))
                    .and(JOBS.PAYLOAD.cast(String.class).contains(waiting.getWebhookDeliveryId().toString())))).isEqualTo(1);

            // No app consumes webhooks now: the retry's time passes and nothing is sent.
            await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(receiver.received()).hasSize(1);

            consumer.start(); // the app comes back
            assertThat(awaitFinished(endpoint.id()).getStatus()).isEqualTo("succeeded");
            var requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
        } finally {
            consumer.start();
        }
    }
}
