package io.vidcastx.security;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

class ApiRateLimitTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Value("${vidcastx.api.rate-limit-per-minute:600}")
    int perMinute;

    @Test
    void each_key_gets_its_limit_per_minute_with_headers_then_429() throws Exception {
        ensureOwner();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "rate limited");
        var other = apiKeys.create(organization, "another key");
        var http = HttpClient.newHttpClient();
        // Twice the budget: should a minute boundary fall mid-test, the new window runs out too.
        HttpResponse<String> last = null;
        for (int i = 0; i <= 2 * perMinute + 1; i++) {
            last = http.send(request(key), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue(String.valueOf(perMinute));
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("too_many_requests");
        assertThat(http.send(request(other), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("another key has its own budget").isEqualTo(200);
    }

    private HttpRequest request(ApiKeyService.CreatedKey key) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/video/v1/uploads"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (key.tokenId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8))).build();
    }
}
