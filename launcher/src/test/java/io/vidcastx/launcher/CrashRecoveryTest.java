package io.vidcastx.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import io.vidcastx.core.media.MediaProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command start as a user meets a crash: the real launcher in its own JVM on a data
 * directory, a 60 s video uploaded, the JVM killed mid-transcode, the same command run again. The
 * video must end ready under the same id, with nothing lost, and the job must be taken back at once,
 * not after its five-minute lease. A SIGTERM must finish the job or hand it back cleanly.
 */
class CrashRecoveryTest {

    /** The lease a killed worker's job would otherwise wait out (the production default). */
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private PlatformProcess platform;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path video;

    @BeforeEach
    void sixtySecondVideo() throws Exception {
        video = dir.resolve("sixty-seconds.mp4");
        new MediaProcessRunner().run(new FfmpegBinaries(new FfmpegProperties(null, null)).ffmpeg(), List.of("-nostdin",
                "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=60", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=60", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", video.toString()), dir, Duration.ofMinutes(2), null, () -> false);
        platform = new PlatformProcess(dir.resolve("data"), FreePort.next());
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
    }

    @Test
    void a_video_whose_platform_was_killed_mid_transcode_becomes_ready_after_the_restart_without_waiting_for_the_lease()
            throws Exception {
        startAndAwaitReady();
        UUID videoId = upload("Killed mid-transcode");
        awaitTranscoding(videoId);

        platform.process().destroyForcibly(); // kill -9
        assertThat(platform.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        Instant restarted = Instant.now();
        startAndAwaitReady();
        await().atMost(Duration.ofMinutes(3)).until(() -> "ready".equals(videoStatus(videoId)));
        Duration toReady = Duration.between(restarted, Instant.now());

        System.out.printf("kill -9: ready %d s after the restart (lease %d s)%n", toReady.toSeconds(), LEASE.toSeconds());
        assertThat(toReady).as("reclaimed at once, not after the lease").isLessThan(LEASE.dividedBy(2));
        assertThat(jobAttempts(videoId)).isEqualTo(2);
        assertPlayable(videoId);
        assertThat(platform.log()).content().doesNotContain("connect failed");

        // The restarted process measured the job it ran and its transcode.
        var metrics = get("/actuator/prometheus").body().lines().toList();
        assertThat(metrics).anySatisfy(line -> assertThat(line).startsWith("vidcastx_jobs_seconds_count{")
                .contains("outcome=\"completed\"", "queue=\"video-processing\""));
        assertThat(metrics).anySatisfy(line -> assertThat(line).startsWith("vidcastx_transcode_seconds_count{")
                .contains("outcome=\"transcoded\""));
    }

    @Test
    void a_sigterm_mid_transcode_finishes_or_hands_back_the_job_and_the_restart_completes_it() throws Exception {
        startAndAwaitReady();
        UUID videoId = upload("Stopped mid-transcode");
        awaitTranscoding(videoId);

        platform.process().destroy(); // SIGTERM, as systemd or docker stop sends
        assertThat(platform.process().waitFor(90, TimeUnit.SECONDS)).as("a graceful stop ends").isTrue();
        assertThat(dir.resolve("data/postgres/postmaster.pid")).as("PostgreSQL was shut down with it").doesNotExist();

        Instant restarted = Instant.now();
        startAndAwaitReady();
        await().atMost(Duration.ofMinutes(3)).until(() -> "ready".equals(videoStatus(videoId)));

        Duration toReady = Duration.between(restarted, Instant.now());
        System.out.printf("SIGTERM: ready %d s after the restart, attempts %d%n", toReady.toSeconds(), jobAttempts(videoId));
        assertThat(toReady).isLessThan(LEASE.dividedBy(2));
        assertThat(jobAttempts(videoId)).as("finished (1) or handed back and run again (2)").isBetween(1, 2);
        assertPlayable(videoId);
    }

    @Test
    void a_sigterm_whose_grace_runs_out_hands_the_job_back_and_the_restart_runs_it_at_once() throws Exception {
        platform.close();
        platform = new PlatformProcess(dir.resolve("data"), FreePort.next(), "--vidcastx.queue.shutdown-grace=1s");
        startAndAwaitReady();
        UUID videoId = upload("Handed back on stop");
        awaitTranscoding(videoId);

        platform.process().destroy();
        assertThat(platform.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("data/postgres/postmaster.pid")).doesNotExist();

        Instant restarted = Instant.now();
        startAndAwaitReady();
        await().atMost(Duration.ofMinutes(3)).until(() -> "ready".equals(videoStatus(videoId)));

        Duration toReady = Duration.between(restarted, Instant.now());
        System.out.printf("SIGTERM, 1 s grace: ready %d s after the restart, attempts %d%n", toReady.toSeconds(),
                jobAttempts(videoId));
        assertThat(toReady).isLessThan(LEASE.dividedBy(2));
        assertThat(jobAttempts(videoId)).as("handed back, then run again").isEqualTo(2);
        assertPlayable(videoId);
    }

    private void startAndAwaitReady() throws Exception {
        platform.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(platform.process().isAlive()).as("the platform is running; see " + platform.log()).isTrue();
            return platform.portAccepts() && get("/actuator/health/readiness").statusCode() == 200;
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + path))
                .header("Authorization", platform.authorization()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** TUS: create, then one PATCH with the whole file; returns the video's id. */
    private UUID upload(String title) throws Exception {
        byte[] bytes = Files.readAllBytes(video);
        var created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/uploads/tus"))
                .header("Authorization", platform.authorization()).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(bytes.length))
                .header("Upload-Metadata", "title " + Base64.getEncoder().encodeToString(title.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        var patched = http.send(HttpRequest.newBuilder(URI.create(created.headers().firstValue("Location").orElseThrow()))
                .header("Authorization", platform.authorization()).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).isEqualTo(204);
        try (var db = platform.database();
             var query = db.prepareStatement("select video_id from videos where title = ?")) {
            query.setString(1, title);
            var rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            return (UUID) rows.getObject(1);
        }
    }

    /** Waits until the video is processing and its transcode job has made progress. */
    private void awaitTranscoding(UUID videoId) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                "processing".equals(videoStatus(videoId)) && jobProgress(videoId) > 0);
    }

    private String videoStatus(UUID videoId) throws SQLException, java.io.IOException {
        try (var db = platform.database(); var query = db.prepareStatement("select status from videos where video_id = ?")) {
            query.setObject(1, videoId);
            var rows = query.executeQuery();
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private int jobProgress(UUID videoId) throws SQLException, java.io.IOException {
        return jobColumn(videoId, "progress");
    }

    private int jobAttempts(UUID videoId) throws SQLException, java.io.IOException {
        return jobColumn(videoId, "attempts");
    }

    private int jobColumn(UUID videoId, String column) throws SQLException, java.io.IOException {
        try (var db = platform.database(); var query = db.prepareStatement("select " + column
                + " from jobs where queue = 'video-processing' and payload ->> 'videoId' = ?")) {
            query.setString(1, videoId.toString());
            var rows = query.executeQuery();
            return rows.next() ? rows.getInt(1) : -1;
        }
    }

    /** The master playlist, a rendition playlist and its first segment are served. */
    private void assertPlayable(UUID videoId) throws Exception {
        String playbackId;
        try (var db = platform.database(); var query = db.prepareStatement("select playback_id from videos where video_id = ?")) {
            query.setObject(1, videoId);
            var rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            playbackId = rows.getString(1);
        }
        var master = get("/stream/" + playbackId + ".m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        String rendition = master.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).findFirst().orElseThrow();
        var playlist = get(URI.create("/stream/" + playbackId + ".m3u8").resolve(rendition).getRawPath());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).contains("#EXT-X-ENDLIST");
        long segments = playlist.body().lines().filter(line -> line.startsWith("#EXTINF")).count();
        assertThat(segments).as("the whole minute").isGreaterThanOrEqualTo(10);
    }
}
