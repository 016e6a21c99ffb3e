package io.vidcastx.videos.ui;

import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.core.videos.VideoStatusMessage;
import io.vidcastx.core.videos.VideoStatusPublisher;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.NodeScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Chromium on a processing video's page while the video is driven as the transcode worker
 * drives it (the row, then the message on the status channel): the page follows without a reload.
 */
class BrowserLiveStatusTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    VideoStatusPublisher statusPublisher;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    @Test
    void the_video_page_follows_progress_and_shows_the_player_when_the_video_becomes_ready() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        var organization = ownersOrganization();
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Live status").set(VIDEOS.STATUS, "processing").set(VIDEOS.PROGRESS, 31)
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                .set(VIDEOS.SOURCE_KEY, StorageKeys.rawSource(id)).execute();
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path opened = shots.resolve("live-status.opened");
        Path progressSeen = shots.resolve("live-status.progress-seen");
        Files.deleteIfExists(opened);
        Files.deleteIfExists(progressSeen);

        var worker = CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(opened));
            dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 64).where(VIDEOS.VIDEO_ID.eq(id)).execute();
            statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.PROCESSING, 64));
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(progressSeen));
            markReady(organization, id);
            statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.READY, 100));
        });
        var result = NodeScripts.run("browser-live-status.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                OWNER_PASSWORD, id.toString(), shots.toString()), 240);
        worker.get(10, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        var badges = new java.util.ArrayList<String>();
        report.get("badges").forEach(badge -> badges.add(badge.asString()));
        assertThat(badges).containsExactly("Processing 31%", "Processing 64%", "Ready");
        assertThat(report.get("loads").asInt()).as("page loads after opening it").isZero();
        assertThat(report.get("videoWidth").asInt()).isEqualTo(320);
        assertThat(report.get("errors")).isEmpty();
    }

    /** What the worker leaves behind: a real HLS rendition and poster in storage, the row ready. */
    private void markReady(OrganizationId organization, VideoId id) {
        try {
            Path rendition = Files.createDirectories(dir.resolve("180p"));
            runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=320x180:rate=25:duration=4", "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-g", "50", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                    "-hls_segment_filename", rendition.resolve("segment_%03d.ts").toString(),
                    rendition.resolve("index.m3u8").toString()), dir, Duration.ofMinutes(1), null, () -> false);
            runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=320x180:rate=1:duration=1", "-frames:v", "1", dir.resolve("thumbnail.jpg").toString()),
                    dir, Duration.ofMinutes(1), null, () -> false);
            try (var files = Files.list(rendition)) {
                for (Path file : files.toList()) {
                    storage.uploadFile(StorageKeys.hlsFile(id, "180p/" + file.getFileName()), file, null);
                }
            }
            storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-VERSION:3\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=400000,CODECS=\"avc1.64000d\",RESOLUTION=320x180\n"
                    + "180p/index.m3u8\n").getBytes(), null);
            storage.uploadFile(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg", dir.resolve("thumbnail.jpg"),
                    "image/jpeg");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "180p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 320).set(RENDITIONS.HEIGHT, 180)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "180p/index.m3u8")).execute();
        dsl.update(VIDEOS).set(VIDEOS.STATUS, "ready").set(VIDEOS.PROGRESS, 100).set(VIDEOS.WIDTH, 320)
                .set(VIDEOS.HEIGHT, 180).set(VIDEOS.ASPECT_RATIO, "16:9").set(VIDEOS.DURATION_SECONDS, 4.0)
                .where(VIDEOS.VIDEO_ID.eq(id)).execute();
    }
}
