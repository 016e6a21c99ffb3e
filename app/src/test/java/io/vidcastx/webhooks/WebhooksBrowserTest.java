package io.vidcastx.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vidcastx.testing.NodeScripts;
import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The Webhooks pages in real Chromium: add an endpoint, send a test event, see it in the log. */
class WebhooksBrowserTest extends WebhookTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Test
    void a_person_adds_an_endpoint_sends_a_test_event_and_reads_the_log_in_chromium() throws Exception {
        NodeScripts.assumeChromium();
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));

            var result = NodeScripts.run("browser-webhooks.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                    OWNER_PASSWORD, receiver.url("/chromium"), shots.toString()), 180);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            var report = json.readTree(result.stdout());
            assertThat(report.get("errors")).as("console errors").isEmpty();
            assertThat(report.get("logShowsSuccess").asBoolean()).isTrue();
            assertThat(report.get("logShowsEvent").asBoolean()).isTrue();
            var endpoint = webhooks.endpoints(owner).getFirst();
            assertThat(endpoint.eventTypes()).containsExactly("video.asset.ready", "video.asset.errored");
            assertThat(endpoint.description()).isEqualTo("Chromium receiver");
            assertThat(report.get("endpointUrl").asString()).endsWith("/developers/webhooks/endpoint/" + endpoint.id());
            assertThat(receiver.received()).singleElement().satisfies(request ->
                    assertThat(request.body()).contains("\"type\":\"webhook.test\""));
        }
    }
}
