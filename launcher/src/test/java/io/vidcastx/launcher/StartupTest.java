package io.vidcastx.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a deployment script meets: the port opens only once the API is ready to answer it. */
class StartupTest {

    @TempDir
    Path dir;

    private PlatformProcess platform;

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void the_api_answers_200_with_the_bootstrap_key_the_first_moment_the_port_accepts_connections() throws Exception {
        platform = new PlatformProcess(dir.resolve("data"), FreePort.next());
        platform.start();
        var http = HttpClient.newHttpClient();
        var firstAnswer = new AtomicInteger();

        // A script's "wait for the port, then call the API", as tight as it gets.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(5)).until(() -> {
            assertThat(platform.process().isAlive()).as("the platform is running; see " + platform.log()).isTrue();
            if (!platform.portAccepts()) {
                return false;
            }
            firstAnswer.set(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port()
                    + "/video/v1/assets")).header("Authorization", platform.authorization()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            return true;
        });

        assertThat(firstAnswer.get()).isEqualTo(200);
    }

    @Test
    void a_management_port_serves_the_probes_and_the_secured_metrics_apart_from_the_app() throws Exception {
        int management = FreePort.next();
        platform = new PlatformProcess(dir.resolve("data"), FreePort.next(), "--management.server.port=" + management);
        platform.start();
        var http = HttpClient.newHttpClient();
        // The management server starts just after the app's own (a child context of it).
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            assertThat(platform.process().isAlive()).as("the platform is running; see " + platform.log()).isTrue();
            return status(http, management, "/actuator/health/readiness", null) == 200;
        });

        assertThat(status(http, management, "/actuator/prometheus", null)).isEqualTo(401);
        assertThat(status(http, management, "/actuator/prometheus", platform.authorization())).isEqualTo(200);
        assertThat(status(http, platform.port(), "/actuator/prometheus", platform.authorization()))
                .as("not on the app's port").isNotEqualTo(200);
    }

    private static int status(HttpClient http, int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
