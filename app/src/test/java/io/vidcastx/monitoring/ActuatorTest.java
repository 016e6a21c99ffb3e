package io.vidcastx.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probes an orchestrator asks without credentials, and the metrics only a Full-access key may read. */
class ActuatorTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    private final HttpClient http = HttpClient.newHttpClient();
    private String adminKey;
    private String readOnlyKey;

    @BeforeEach
    void keys() {
        ensureOwner();
        adminKey = basic(apiKeys.create(ownersOrganization(), "metrics", Role.ADMIN));
        readOnlyKey = basic(apiKeys.create(ownersOrganization(), "reader", Role.VIEWER));
    }

    private static String basic(ApiKeyService.CreatedKey key) {
        return "Basic " + Base64.getEncoder().encodeToString((key.tokenId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void liveness_and_readiness_answer_anyone_with_the_status_alone() throws Exception {
        var liveness = get("/actuator/health/liveness", null);
        var readiness = get("/actuator/health/readiness", null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readiness_covers_the_database_redis_storage_and_the_bootstrap() throws Exception {
        var readiness = get("/actuator/health/readiness", adminKey);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"database\":\"PostgreSQL\"", "\"redis\":{\"status\":\"UP\"}",
                "\"storage\":{\"status\":\"UP\"}", "\"bootstrap\":{\"status\":\"UP\"}", "\"readinessState\"");
    }

    @Test
    void prometheus_needs_a_full_access_api_key() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", readOnlyKey).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheus_reports_queue_depth_uploads_and_http_requests() throws Exception {
        get("/actuator/health/liveness", null);

        var metrics = get("/actuator/prometheus", adminKey);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("vidcastx_queue_depth{", "queue=\"video-processing\"", "status=\"waiting\"")
                .contains("vidcastx_uploads_received_bytes_total")
                .contains("http_server_requests_seconds_count{");
    }
}
