package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Under the API and media prefixes an unknown path is a JSON 404 (or 405), never the dashboard's HTML shell. */
class UnknownPathTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    private HttpTestClient client;

    @BeforeEach
    void apiKey() {
        ensureOwner();
        client = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "unknown paths");
    }

    private void assertJsonError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<html", "<!doctype");
        var error = json.readTree(response.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.get("messages").get(0).asString()).isNotBlank();
    }

    @Test
    void unknown_api_paths_are_json_404s() {
        for (String path : new String[] {"/video/v1/nope", "/video/v1/assets/x/nothing/here", "/system/v1/signing-keys",
                "/data/v1/metrics", "/video/v1", "/system/v1/"}) {
            assertJsonError(client.request("GET", path).send(), 404, "not_found");
        }
    }

    @Test
    void a_wrong_method_on_a_known_api_path_is_a_json_405_saying_what_is_allowed() {
        var response = client.request("DELETE", "/video/v1/uploads").send();

        assertJsonError(response, 405, "invalid_request");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET", "POST").doesNotContain("DELETE"));
        assertJsonError(client.request("POST", "/video/v1/assets/abc").json("{}").send(), 405, "invalid_request");
    }

    @Test
    void without_a_key_every_api_prefix_answers_401_json() {
        for (String path : new String[] {"/video/v1/nope", "/system/v1/signing-keys", "/data/v1/metrics"}) {
            assertJsonError(client.request("GET", path).anonymous().send(), 401, "unauthorized");
        }
    }

    @Test
    void unknown_media_and_upload_paths_are_404s_not_the_dashboard() {
        for (String path : new String[] {"/stream/abc", "/stream/abc/def/ghi/jkl", "/image/abc/other.png", "/image/abc",
                "/embed/abc/def", "/embed/", "/uploads/nope", "/uploads/direct/", "/uploads/tus/a/b"}) {
            var response = client.request("GET", path).send();
            assertThat(response.statusCode()).as(path).isIn(404, 405);
            assertThat(response.body()).as(path).doesNotContain("<html", "<!doctype", "vaadin");
        }
        assertJsonError(client.request("GET", "/stream/abc").send(), 404, "not_found");
    }

    @Test
    void dashboard_routes_still_reach_the_dashboard() {
        var login = client.request("GET", "/login").anonymous().send();

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).containsIgnoringCase("<!doctype html");
    }
}
