package io.vidcastx.launcher;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.jooq.tables.records.VideosRecord;
import io.vidcastx.workers.ai.AiWorkerConfiguration;
import io.vidcastx.workers.live.streams.LiveWorkerConfiguration;
import io.vidcastx.workers.transcode.TranscodeWorkerConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole path on the embedded servers: a TUS upload becomes a ready (or failed) video. */
@SpringBootTest(classes = {VidcastxApplication.class, TranscodeWorkerConfiguration.class, AiWorkerConfiguration.class,
        LiveWorkerConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadToReadyTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    DSLContext dsl;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @TempDir
    Path dir;

    private String authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void owner() {
        var organization = accounts.isSetUp() ? null
                : accounts.setUp(new OwnerSetup("E2E", "Eve", "e2e@example.com", "correct horse battery staple"));
        var organizationId = organization != null ? organization.organizationId()
                : dsl.select(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID)
                        .from(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).limit(1).fetchSingle().value1();
        var key = apiKeys.create(organizationId, "e2e");
        authorization = "Basic " + Base64.getEncoder().encodeToString((key.tokenId() + ":" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads with TUS (create, then one PATCH) and returns the video that came of it. */
    private VideosRecord upload(Path file, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        var created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/uploads/tus"))
                .header("Authorization", authorization).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(bytes.length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        var patched = http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", authorization)
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).isEqualTo(204);
        String title = name.replaceAll("\\.[^.]+$", "");
        return dsl.selectFrom(VIDEOS).where(VIDEOS.TITLE.eq(title)).fetchSingle();
    }

    private VideosRecord awaitFinished(VideosRecord video) {
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(video.getVideoId())).fetchSingle().getStatus().equals("processing"));
        return dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(video.getVideoId())).fetchSingle();
    }

    private List<String> events(VideosRecord video) {
        return dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.eq(video.getVideoId().toString()))
                .orderBy(EVENTS.CREATED_AT).fetch(EVENTS.TYPE);
    }

    @Test
    void an_uploaded_mp4_becomes_a_ready_video_with_its_hls_thumbnail_and_mp4() throws Exception {
        Path source = dir.resolve("clip.mp4");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30:duration=4", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                source.toString()), dir, Duration.ofMinutes(1), null, () -> false);

        var video = upload(source, "Product demo.mp4");
        assertThat(video.getStatus()).isEqualTo("processing");
        assertThat(video.getDurationSeconds()).as("read by jcodec at upload time").isBetween(3.9, 4.2);
        assertThat(video.getWidth()).isEqualTo(1280);

        var ready = awaitFinished(video);

        assertThat(ready.getStatus()).as(ready.getErrorReason()).isEqualTo("ready");
        var id = ready.getVideoId();
        assertThat(storage.stat(StorageKeys.hlsMaster(id))).isPresent();
        assertThat(storage.stat(StorageKeys.hlsFile(id, "720p/index.m3u8"))).isPresent();
        assertThat(storage.stat(StorageKeys.hlsFile(id, "480p/index.m3u8"))).isPresent();
        assertThat(storage.stat(StorageKeys.hlsFile(id, "1080p/index.m3u8"))).as("never upscaled").isEmpty();
        assertThat(storage.stat(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg")).isPresent();
        assertThat(storage.stat(StorageKeys.mp4Folder(id) + "highest.mp4")).isPresent();
        assertThat(events(ready)).containsSubsequence("video.asset.created", "video.asset.ready");

        // Mux's image API on the ready video.
        String image = "http://localhost:" + port + "/image/" + ready.getPlaybackId() + "/thumbnail.jpg";
        assertThat(picture(image).getWidth()).isEqualTo(1280);
        assertThat(picture(image + "?width=320").getWidth()).isEqualTo(320);
        // Sizes snap up to the thumbnail grid (README): a 200 px box is made as a 240 px one.
        var atThree = picture(image + "?time=3&width=200&height=200");
        assertThat(atThree.getWidth()).isEqualTo(240);
        assertThat(atThree.getHeight()).isBetween(134, 136);
        assertThat(status(image + "?time=60")).isEqualTo(400);
        assertThat(status(image + "?width=99999")).isEqualTo(400);
        assertThat(status("http://localhost:" + port + "/image/unknownplaybackid/thumbnail.jpg")).isEqualTo(404);
    }

    private java.awt.image.BufferedImage picture(String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_text_file_named_mp4_ends_as_a_failed_video_with_a_reason() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "Meeting notes, not a video.\n".repeat(100));

        var failed = awaitFinished(upload(notes, "Notes.mp4"));

        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed.getErrorReason()).contains("not a video or audio file");
        assertThat(events(failed)).containsSubsequence("video.asset.created", "video.asset.errored");
    }
}
