package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A direct-upload URL takes its body as the file's bytes whatever {@code Content-Type} says, as the
 * README's curl lines send it: {@code --data-binary} (a form content type) and {@code -T}.
 */
class DirectUploadFromCurlTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    private HttpTestClient client;
    private Path video;
    private byte[] bytes;

    @BeforeEach
    void keyAndFile() throws Exception {
        ensureOwner();
        client = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "curl uploads");
        // Random bytes with '%' and '&' in them: parsed as a form, they would not even decode.
        bytes = new byte[600_000];
        new Random(7).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i += 997) {
            bytes[i] = (byte) (i % 2 == 0 ? '%' : '&');
        }
        video = Files.write(dir.resolve("video.mp4"), bytes);
    }

    private JsonNode createUpload() {
        var response = client.request("POST", "/video/v1/uploads").json("{\"timeout\": 3600}").send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("data");
    }

    private static Process curl(String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "Skipped: curl is not installed");
        var command = new java.util.ArrayList<>(List.of("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String run(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private void assertBecameTheVideo(JsonNode upload) {
        var done = client.request("GET", "/video/v1/uploads/" + upload.get("id").asString()).send();
        var data = json.readTree(done.body()).get("data");
        assertThat(data.get("status").asString()).isEqualTo("asset_created");
        var videoId = VideoId.parse(data.get("asset_id").asString());
        assertThat(dsl.select(VIDEOS.SIZE_BYTES).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(videoId)).fetchSingle().value1())
                .isEqualTo((long) bytes.length);
    }

    @Test
    void curl_put_with_data_binary_stores_the_file() throws Exception {
        var upload = createUpload();

        String status = run(curl("-X", "PUT", "--data-binary", "@" + video, upload.get("url").asString()));

        assertThat(status).isEqualTo("200");
        assertBecameTheVideo(upload);
    }

    @Test
    void curl_upload_file_with_t_stores_the_file() throws Exception {
        var upload = createUpload();

        String status = run(curl("-T", video.toString(), upload.get("url").asString()));

        assertThat(status).isEqualTo("200");
        assertBecameTheVideo(upload);
    }

    @Test
    void a_form_content_type_does_not_turn_the_bytes_into_parameters() {
        var upload = createUpload();

        var put = client.request("PUT", upload.get("url").asString()).anonymous()
                .header("Content-Type", "application/x-www-form-urlencoded").body(bytes).send();

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertBecameTheVideo(upload);
    }
}
