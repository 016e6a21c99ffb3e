package io.vidcastx.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.workers.ai.AiWorkerConfiguration;
import io.vidcastx.workers.live.streams.LiveWorkerConfiguration;
import io.vidcastx.workers.transcode.TranscodeWorkerConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The launcher's default role: dashboard and every worker in one JVM on the embedded servers. */
@SpringBootTest(classes = {VidcastxApplication.class, TranscodeWorkerConfiguration.class, AiWorkerConfiguration.class,
        LiveWorkerConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AllInOneTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void the_dashboard_and_both_workers_run_in_one_process() throws Exception {
        assertThat(context.getBeansOfType(TranscodeWorkerConfiguration.class)).hasSize(1);
        assertThat(context.getBeansOfType(AiWorkerConfiguration.class)).hasSize(1);
        assertThat(context.getBeansOfType(JobWorkers.class)).hasSize(1);

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void the_app_role_alone_runs_no_worker_although_the_jar_contains_them() {
        try (var appOnly = new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off")) {
            assertThat(appOnly.getBeansOfType(TranscodeWorkerConfiguration.class)).isEmpty();
            assertThat(appOnly.getBeansOfType(AiWorkerConfiguration.class)).isEmpty();
        }
    }
}
