package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.vidcastx.developers.SigningKeyService;
import io.vidcastx.AppTestSupport;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The thumbnail API over a real MP4 and real FFmpeg: a bounded grid, bounded work, bounded storage. */
class ThumbnailTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    ThumbnailService thumbnails;
    @Autowired
    SigningKeyService signingKeys;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private VideoId videoId;
    private io.vidcastx.db.ids.OrganizationId organization;
    private String playbackId;

    @BeforeEach
    void videoWithAnMp4() throws Exception {
        ensureOwner();
        Path mp4 = dir.resolve("highest.mp4");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=10:duration=6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "10",
                "-pix_fmt", "yuv420p", mp4.toString()), dir, Duration.ofMinutes(1), null, () -> false);
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=1:duration=1", "-frames:v", "1", dir.resolve("poster.jpg").toString()),
                dir, Duration.ofMinutes(1), null, () -> false);
        videoId = VideoId.random();
        playbackId = UUID.randomUUID().toString().replace("-", "");
        storage.uploadFile(StorageKeys.mp4Folder(videoId) + "highest.mp4", mp4, "video/mp4");
        storage.uploadFile(StorageKeys.thumbnailsFolder(videoId) + "thumbnail.jpg", dir.resolve("poster.jpg"),
                "image/jpeg");
        // An organization of its own: the dashboard's pages in other tests list the owner's videos.
        organization = io.vidcastx.testing.TestData.organization(dsl, "Thumbnails");
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, videoId).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "thumbnails").set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.WIDTH, 320).set(VIDEOS.HEIGHT, 180).set(VIDEOS.DURATION_SECONDS, 6.0).execute();
    }

    private HttpResponse<byte[]> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/image/" + playbackId
                + "/thumbnail.jpg" + query)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int cachedPictures() {
        return storage.list(ThumbnailService.cacheFolder(videoId)).size();
    }

    @Test
    void fifty_distinct_times_cost_at_most_one_ffmpeg_run_and_one_stored_picture_per_grid_position() throws Exception {
        long runsBefore = thumbnails.framesCut();
        int positions = (int) (6 / ThumbnailGrid.step(6.0)) + 1; // 0 s, 1 s, ... 6 s

        for (int i = 0; i < 50; i++) {
            var response = get(String.format(Locale.ROOT, "?time=%.3f&width=200", i * 0.117));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        }

        assertThat(positions).isEqualTo(7);
        assertThat(cachedPictures()).isBetween(2, positions);
        assertThat(thumbnails.framesCut() - runsBefore).isBetween(2L, (long) positions);
    }

    @Test
    void sizes_snap_up_to_the_grid() throws Exception {
        var response = get("?time=1&width=201");

        assertThat(response.statusCode()).isEqualTo(200);
        var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        assertThat(picture.getWidth()).isEqualTo(240);
    }

    @Test
    void when_every_slot_is_busy_a_new_picture_waits_then_gets_503_with_retry_after() throws Exception {
        int slots = thumbnails.makers.availablePermits();
        thumbnails.makers.acquire(slots);
        try {
            var response = get("?time=2&width=320");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        } finally {
            thumbnails.makers.release(slots);
        }
        assertThat(get("?time=2&width=320").statusCode()).isEqualTo(200);
    }

    @Test
    void the_cache_of_a_video_keeps_its_newest_pictures_within_bounds() throws Exception {
        for (int second = 0; second <= 4; second++) {
            assertThat(get("?time=" + second + "&width=160").statusCode()).isEqualTo(200);
        }
        assertThat(cachedPictures()).isEqualTo(5);
        String newest = ThumbnailService.cacheFolder(videoId) + new ThumbnailRequest(4.0, 160, null).cacheName();

        thumbnails.evict(videoId, 2, Long.MAX_VALUE, newest);

        var left = storage.list(ThumbnailService.cacheFolder(videoId));
        assertThat(left).hasSize(2).anySatisfy(object -> assertThat(object.key()).isEqualTo(newest));
    }

    @Test
    void pictures_of_a_signed_playback_id_are_private_and_public_ones_public() throws Exception {
        assertThat(get("?width=160").headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("public").doesNotContain("private"));
        dsl.update(VIDEOS).set(VIDEOS.PLAYBACK_POLICY, "signed").where(VIDEOS.VIDEO_ID.eq(videoId)).execute();
        var key = signingKeys.create(organization);
        String token = PlaybackTest.jwt(key, playbackId, "t", Instant.now().getEpochSecond() + 600);

        var signed = get("?width=160&token=" + token);

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("private").doesNotContain("public"));
    }
}
