package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.UPLOADS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import io.vidcastx.AppTestSupport;
import io.vidcastx.VidcastxApplication;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A 200 MB upload broken off at five random points, carried on by two app instances that share
 * PostgreSQL and S3 (requests alternate between them), with one instance restarted midway.
 */
class ResumableUploadTest extends AppTestSupport {

    private static final int SIZE = 200 * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    StorageService storage;

    @Test
    void an_interrupted_upload_resumes_across_instances_and_a_restart_with_every_byte_intact() throws Exception {
        ensureOwner();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "resume test");
        byte[] file = new byte[SIZE];
        var random = new Random(42);
        random.nextBytes(file);
        long[] breaks = random.longs(5, 1, SIZE).sorted().toArray();

        ConfigurableApplicationContext second = startInstance();
        try {
            var first = new HttpTestClient(port, key.tokenId(), key.secret());
            var created = first.request("POST", "/uploads/tus").tus().header("Upload-Length", String.valueOf(SIZE))
                    .header("Upload-Metadata", "filename " + java.util.Base64.getEncoder().encodeToString("big.bin".getBytes()))
                    .send();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var location = created.headers().firstValue("Location").orElseThrow();
            String path = location.substring(location.indexOf("/uploads/"));
            var id = UploadId.parse(path.substring(path.lastIndexOf('/') + 1));

            for (int i = 0; i < breaks.length; i++) {
                if (i == 3) {
                    second.close(); // an app restart between two requests
                    second = startInstance();
                }
                int instancePort = i % 2 == 0 ? port : portOf(second);
                long offset = offset(new HttpTestClient(instancePort, key.tokenId(), key.secret()), path);
                assertThat(offset).isLessThanOrEqualTo(breaks[i]);
                sendThenDrop(instancePort, path, key, file, offset, breaks[i]);
                await().atMost(Duration.ofSeconds(30)).until(() -> dsl.select(UPLOADS.LOCKED_UNTIL).from(UPLOADS)
                        .where(UPLOADS.UPLOAD_ID.eq(id)).fetchSingle().value1() == null);
            }

            var last = new HttpTestClient(portOf(second), key.tokenId(), key.secret());
            long offset = offset(last, path);
            assertThat(offset).as("bytes of interrupted requests were kept").isGreaterThan(breaks[4] / 2);
            var finish = last.request("PATCH", path).tus().header("Upload-Offset", String.valueOf(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .body(Arrays.copyOfRange(file, (int) offset, SIZE)).send();
            assertThat(finish.statusCode()).as(finish.body()).isEqualTo(204);

            var video = dsl.selectFrom(VIDEOS).where(VIDEOS.UPLOAD_ID.eq(id)).fetchSingle();
            assertThat(sha256(storage.getFileStream(video.getSourceKey())))
                    .isEqualTo(sha256(new java.io.ByteArrayInputStream(file)));
            assertThat(video.getSizeBytes()).isEqualTo(SIZE);
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long offset(HttpTestClient client, String path) {
        var head = client.request("HEAD", path).tus().send();
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** A PATCH that promises the rest of the file but breaks its connection after {@code until} bytes. */
    private static void sendThenDrop(int port, String path, ApiKeyService.CreatedKey key, byte[] file, long offset,
                                     long until) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            String auth = java.util.Base64.getEncoder().encodeToString((key.tokenId() + ":" + key.secret())
                    .getBytes(StandardCharsets.UTF_8));
            String head = "PATCH " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + auth
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (file.length - offset)
                    + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(file, (int) offset, (int) (until - offset));
            out.flush();
            socket.setSoLinger(true, 0); // reset, as a dropped network would
        }
    }

    private static String sha256(InputStream in) throws Exception {
        try (in) {
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }
}
