package io.vidcastx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app starts on embedded PostgreSQL, Redis and S3, and serves its sign-in page to a real HTTP client. */
class ApplicationStartupTest extends AppTestSupport {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() throws Exception {
        var response = get("/videos");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
    }

    @Test
    void the_sign_in_page_is_served() throws Exception {
        var response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<title>").contains("vidcastx-app.css");
    }

    @Test
    void our_own_static_browser_code_is_served_without_a_session() throws Exception {
        var script = get("/vidcastx/vidcastx.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("copyText");
    }
}
