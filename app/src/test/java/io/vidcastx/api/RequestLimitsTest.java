package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** What the JSON API refuses, in Mux's error shape: bodies over 1 MB, malformed JSON, pages past any list. */
class RequestLimitsTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    private HttpTestClient client;
    private String authorization;

    @BeforeEach
    void apiKey() {
        ensureOwner();
        client = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "request limits");
        authorization = client.authorization();
    }

    private static String bigJson() {
        return "{\"new_asset_settings\": {\"passthrough\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}}";
    }

    private void assertError(int status, String type, String body, int actualStatus) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(json.readTree(body).get("error").get("type").asString()).isEqualTo(type);
    }

    @Test
    void a_json_body_over_a_megabyte_is_413() {
        var response = client.request("POST", "/video/v1/uploads").json(bigJson()).send();

        assertError(413, "too_large", response.body(), response.statusCode());
    }

    @Test
    void a_chunked_json_body_over_a_megabyte_is_413_too() throws Exception {
        byte[] body = bigJson().getBytes(StandardCharsets.UTF_8);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/video/v1/uploads")).header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertError(413, "too_large", response.body(), response.statusCode());
    }

    @Test
    void a_small_chunked_json_body_is_read_as_usual() throws Exception {
        byte[] body = "{\"timeout\": 3600}".getBytes(StandardCharsets.UTF_8);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/video/v1/uploads")).header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("data").get("timeout").asLong()).isEqualTo(3600);
    }

    @Test
    void malformed_json_is_400_in_the_error_shape() {
        var response = client.request("POST", "/video/v1/uploads").json("{\"timeout\": ").send();

        assertError(400, "invalid_parameters", response.body(), response.statusCode());
    }

    @Test
    void a_page_past_any_list_is_400_not_a_server_error() {
        for (String path : new String[] {"/video/v1/assets?page=2147483647", "/video/v1/uploads?page=2147483647&limit=100"}) {
            var response = client.request("GET", path).send();
            assertError(400, "invalid_parameters", response.body(), response.statusCode());
        }
        var lastPossible = client.request("GET", "/video/v1/assets?page=21474836&limit=100").send();
        assertThat(lastPossible.statusCode()).isEqualTo(200);
        assertThat(json.readTree(lastPossible.body()).get("data")).isEmpty();
    }
}
