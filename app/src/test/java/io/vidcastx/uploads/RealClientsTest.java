package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.testing.NodeScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Real clients against the running server: tus-js-client in Node, and the dashboard in headless Chromium. */
class RealClientsTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    StorageService storage;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    private Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void tus_js_client_in_node_uploads_a_file_in_chunks() throws Exception {
        NodeScripts.assumeNode();
        ensureOwner();
        var key = apiKeys.create(ownersOrganization(), "tus-js-client");
        Path file = randomFile("node-client.mp4", 23 * 1024 * 1024 + 17);

        var result = NodeScripts.run("tus-client-upload.cjs", List.of("http://localhost:" + port + "/uploads/tus",
                key.tokenId(), key.secret(), file.toString()), 120);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var video = dsl.selectFrom(VIDEOS).where(VIDEOS.TITLE.eq("node-client")).fetchSingle();
        assertThat(video.getStatus()).isEqualTo("processing");
        try (var stored = storage.getFileStream(video.getSourceKey())) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(stored.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
    }

    @Test
    void in_chromium_a_chosen_file_uploads_with_a_moving_progress_bar() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        Path file = randomFile("browser-upload.mp4", 120 * 1024 * 1024);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        var result = NodeScripts.run("browser-upload.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                OWNER_PASSWORD, file.toString(), shots.toString()), 240);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        var progress = new java.util.ArrayList<Double>();
        report.get("progress").forEach(value -> progress.add(value.asDouble()));
        assertThat(progress).as("the bar moved through intermediate values").anyMatch(p -> p > 0 && p < 100);
        assertThat(progress.getLast()).isEqualTo(100.0);
        assertThat(report.get("errors")).as("browser console errors").isEmpty();
        assertThat(report.get("status").asString()).startsWith("Upload complete");
        assertThat(dsl.fetchCount(VIDEOS, VIDEOS.TITLE.eq("browser-upload"))).isEqualTo(1);
        assertThat(shots.resolve("upload-in-progress.png")).exists();
    }
}
