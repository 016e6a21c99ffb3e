package io.vidcastx.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.vidcastx.testing.NodeScripts;
import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real deliveries, verified by the receivers' own libraries: {@code standardwebhooks} (the Standard
 * Webhooks reference library) and the official Mux SDK's {@code webhooks.verifySignature}.
 */
class WebhookSignatureTest extends WebhookTestSupport {

    @Autowired
    JsonMapper json;

    @Test
    void deliveries_verify_with_standardwebhooks_and_the_mux_sdk_and_tampering_is_caught() throws Exception {
        NodeScripts.assumeNode();
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/verify"), "video.asset.ready");
            record(organization, "video.asset.ready");
            awaitFinished(endpoint.id());
            String secret = webhooks.signingSecret(owner, endpoint.id());

            var report = verify(List.of(secret), receiver.received());

            assertThat(report).hasSize(1);
            var result = report.getFirst();
            assertThat(result.get("standard")).isEqualTo(true);
            assertThat(result.get("mux")).isEqualTo(true);
            assertThat(result.get("standardTampered")).isEqualTo(false);
            assertThat(result.get("muxTampered")).isEqualTo(false);
            assertThat(result.get("muxType")).isEqualTo("video.asset.ready");
            // A different secret is rejected by both: the libraries really check.
            var wrong = verify(List.of(WebhookSignatures.newSecret()), receiver.received()).getFirst();
            assertThat(wrong.get("standard")).isEqualTo(false);
            assertThat(wrong.get("mux")).isEqualTo(false);
        }
    }

    @Test
    void after_a_rotation_both_the_new_and_the_previous_secret_verify_during_the_grace_period() throws Exception {
        NodeScripts.assumeNode();
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var endpoint = endpoint(receiver.url("/rotate"), "video.asset.ready");
            String previous = webhooks.signingSecret(owner, endpoint.id());
            String rotated = webhooks.rotateSecret(owner, endpoint.id());
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(previous);
            assertThat(webhooks.signingSecret(owner, endpoint.id())).isEqualTo(rotated);

            record(organization, "video.asset.ready");
            awaitFinished(endpoint.id());

            var report = verify(List.of(rotated, previous), receiver.received());
            assertThat(report).extracting(r -> r.get("standard")).containsExactly(true, true);
            assertThat(report).extracting(r -> r.get("mux")).containsExactly(true, true);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> verify(List<String> secrets, List<WebhookReceiver.Received> requests)
            throws Exception {
        var input = Files.createTempFile("webhooks-", ".json");
        Files.writeString(input, json.writeValueAsString(Map.of("secrets", secrets, "requests",
                requests.stream().map(r -> Map.of("headers", r.headers(), "body", r.body())).toList())));
        var result = NodeScripts.run("webhook-verify.cjs", List.of(input.toString()), 60);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return json.readValue(result.stdout(), List.class);
    }
}
