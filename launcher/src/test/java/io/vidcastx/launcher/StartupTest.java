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
}
