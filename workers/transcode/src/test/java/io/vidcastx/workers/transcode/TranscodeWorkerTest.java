package io.vidcastx.workers.transcode;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaInfo;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.db.jooq.tables.records.VideosRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker on the embedded servers with the real FFmpeg, from a stored source to a ready video. */
@SpringBootTest(classes = TranscodeWorkerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscodeWorkerTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    JobQueue queue;
    @Autowired
    StorageService storage;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FfmpegBinaries binaries;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    MediaProbe probe;

    private OrganizationId organization;
    private TestSources sources;
    private Path dir;

    @BeforeAll
    void setUp() throws Exception {
        dir = Files.createTempDirectory("transcode-test-");
        sources = new TestSources(binaries, runner, dir);
        organization = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization)
                .set(ORGANIZATIONS.NAME, "Transcode Test").set(ORGANIZATIONS.SLUG, "transcode-" + organization)
                .execute();
    }

    /** What an upload completion does: store the source, then the video row and its job in one transaction. */
    private VideoId submit(Path source) {
        var id = VideoId.random();
        String key = StorageKeys.rawSource(id);
        storage.uploadFile(key, source, null);
        transactions.executeWithoutResult(status -> {
            dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                    .set(VIDEOS.TITLE, source.getFileName().toString())
                    .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                    .set(VIDEOS.SOURCE_KEY, key).execute();
            queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(id, key));
        });
        return id;
    }

    private VideosRecord awaitFinished(VideoId id) {
        await().atMost(Duration.ofSeconds(120)).until(() -> !video(id).getStatus().equals("processing"));
        return video(id);
    }

    private VideosRecord video(VideoId id) {
        return dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).fetchSingle();
    }

    private String text(String key) throws Exception {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path download(String key, String name) {
        Path local = dir.resolve(name);
        storage.downloadFile(key, local);
        return local;
    }

    private int transcriptionJobs(VideoId id) {
        return dsl.fetchCount(io.vidcastx.db.jooq.Tables.JOBS, io.vidcastx.db.jooq.Tables.JOBS.QUEUE.eq("ai-jobs")
                .and(io.vidcastx.db.jooq.Tables.JOBS.PAYLOAD.cast(String.class).contains(id.toString())));
    }

    private List<String> eventTypes(VideoId id) {
        return dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.eq(id.toString())).fetch(EVENTS.TYPE);
    }

    /** Downloads a rendition's playlist and segments, checks them, and returns the probe of its first segment. */
    private MediaInfo checkRendition(VideoId id, String name) throws Exception {
        var playlist = MediaPlaylist.parse(text(StorageKeys.hlsFile(id, name + "/index.m3u8")));
        assertThat(playlist.ended()).isTrue();
        // RFC 8216 4.3.3.1: each EXTINF, rounded to the nearest integer, is at most the target duration,
        // which is at most the configured 6 s.
        assertThat(playlist.targetDuration()).isBetween(1, 6);
        assertThat(playlist.segments()).isNotEmpty().allSatisfy(segment ->
                assertThat(Math.round(segment.duration())).isLessThanOrEqualTo(playlist.targetDuration()));
        for (var segment : playlist.segments()) {
            assertThat(storage.stat(StorageKeys.hlsFile(id, name + "/" + segment.uri()))).isPresent();
        }
        return probe.probe(download(StorageKeys.hlsFile(id, name + "/" + playlist.segments().getFirst().uri()),
                id + "-" + name + ".ts"));
    }

    @Test
    void a_1080p_source_becomes_a_ready_video_with_the_whole_ladder() throws Exception {
        Path source = sources.video("landscape.mp4", 1920, 1080, 8, true);
        VideoId id = submit(source);

        var video = awaitFinished(id);

        assertThat(video.getStatus()).as(video.getErrorReason()).isEqualTo("ready");
        assertThat(video.getWidth()).isEqualTo(1920);
        assertThat(video.getHeight()).isEqualTo(1080);
        assertThat(video.getAspectRatio()).isEqualTo("16:9");
        assertThat(video.getDurationSeconds()).isBetween(7.9, 8.2);
        assertThat(video.getProgress()).isEqualTo(100);

        String master = text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("RESOLUTION=1920x1080", "RESOLUTION=1280x720", "RESOLUTION=854x480")
                .contains("CODECS=\"avc1.640028,mp4a.40.2\"", "FRAME-RATE=30.000", "AVERAGE-BANDWIDTH=");
        assertThat(master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:BANDWIDTH="))).hasSize(3);

        var top = checkRendition(id, "1080p");
        assertThat(top.video().orElseThrow().width()).isEqualTo(1920);
        assertThat(top.hasAudio()).isTrue();
        assertThat(checkRendition(id, "720p").video().orElseThrow().height()).isEqualTo(720);
        assertThat(checkRendition(id, "480p").video().orElseThrow().width()).isEqualTo(854);

        var mp4 = probe.probe(download(StorageKeys.mp4Folder(id) + "highest.mp4", id + ".mp4"));
        assertThat(mp4.video().orElseThrow().height()).isEqualTo(1080);
        assertThat(mp4.durationSeconds()).isBetween(7.5, 8.5);

        assertThat(dsl.fetchCount(RENDITIONS, RENDITIONS.VIDEO_ID.eq(id))).isEqualTo(3);
        assertThat(eventTypes(id)).containsExactly("video.asset.ready");
        assertThat(transcriptionJobs(id)).as("a video with sound is queued for transcription").isEqualTo(1);
    }

    @Test
    void a_transcode_meters_its_encoding_minutes_once_even_when_the_job_is_delivered_twice() throws Exception {
        VideoId id = submit(sources.video("metered.mp4", 640, 360, 3, false));
        assertThat(awaitFinished(id).getStatus()).isEqualTo("ready");
        var heights = dsl.select(RENDITIONS.HEIGHT).from(RENDITIONS).where(RENDITIONS.VIDEO_ID.eq(id))
                .fetch(r -> r.value1() == null ? 0 : r.value1());
        double expected = io.vidcastx.core.usage.UsageMeter.encodingMinutes(video(id).getDurationSeconds(), heights);
        assertThat(expected).isGreaterThan(0);
        assertThat(encodingMinutes(id)).containsExactly(expected);

        // A second delivery that got past the "already ready" check (two workers racing on one job).
        dsl.update(VIDEOS).set(VIDEOS.STATUS, "processing").where(VIDEOS.VIDEO_ID.eq(id)).execute();
        transactions.executeWithoutResult(status ->
                queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(id, StorageKeys.rawSource(id))));
        assertThat(awaitFinished(id).getStatus()).isEqualTo("ready");

        assertThat(encodingMinutes(id)).as("metered exactly once").containsExactly(expected);
    }

    private List<Double> encodingMinutes(VideoId id) {
        var usage = io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
        return dsl.select(usage.QUANTITY).from(usage).where(usage.ORGANIZATION_ID.eq(organization)
                        .and(usage.METRIC.eq("encoding_minutes")).and(usage.SOURCE_KEY.eq("transcode:" + id)))
                .fetch(usage.QUANTITY);
    }

    @Test
    void the_thumbnail_decodes_and_shows_the_frame_at_two_seconds() throws Exception {
        Path source = sources.video("thumb-source.mp4", 640, 360, 5, false);
        VideoId id = submit(source);
        assertThat(awaitFinished(id).getStatus()).isEqualTo("ready");

        BufferedImage thumbnail = ImageIO.read(download(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg", id + ".jpg").toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(640);

        Map<Double, Double> distance = new java.util.TreeMap<>();
        for (double at : new double[] {1.0, 2.0, 3.0}) {
            var frame = ImageIO.read(sources.frameAt(source, at, "frame-" + at + ".jpg").toFile());
            distance.put(at, meanDifference(thumbnail, frame));
        }
        assertThat(distance.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo(2.0);
    }

    @Test
    void a_720p_portrait_source_is_not_upscaled_and_keeps_its_aspect() throws Exception {
        VideoId id = submit(sources.video("portrait.mp4", 720, 1280, 3, true));

        var video = awaitFinished(id);

        assertThat(video.getStatus()).as(video.getErrorReason()).isEqualTo("ready");
        assertThat(dsl.select(RENDITIONS.NAME, RENDITIONS.WIDTH, RENDITIONS.HEIGHT).from(RENDITIONS)
                .where(RENDITIONS.VIDEO_ID.eq(id)).orderBy(RENDITIONS.HEIGHT.desc())
                .fetch(r -> r.value1() + "=" + r.value2() + "x" + r.value3()))
                .containsExactly("720p=720x1280", "480p=480x854");
        assertThat(checkRendition(id, "480p").video().orElseThrow().height()).isEqualTo(854);
    }

    @Test
    void an_odd_sized_silent_source_gives_one_even_video_only_rendition() throws Exception {
        VideoId id = submit(sources.video("odd.mp4", 641, 361, 3, false));

        var video = awaitFinished(id);

        assertThat(video.getStatus()).as(video.getErrorReason()).isEqualTo("ready");
        String master = text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("RESOLUTION=640x360", "CODECS=\"avc1.64001e\"").doesNotContain("mp4a");
        assertThat(checkRendition(id, "360p").hasAudio()).isFalse();
        assertThat(transcriptionJobs(id)).as("nothing to transcribe without sound").isZero();
    }

    @Test
    void an_audio_only_file_gives_an_audio_rendition() throws Exception {
        VideoId id = submit(sources.audioOnly("voice.m4a", 4));

        var video = awaitFinished(id);

        assertThat(video.getStatus()).as(video.getErrorReason()).isEqualTo("ready");
        assertThat(text(StorageKeys.hlsMaster(id))).contains("CODECS=\"mp4a.40.2\"", "audio/index.m3u8")
                .doesNotContain("RESOLUTION");
        var audio = checkRendition(id, "audio");
        assertThat(audio.hasVideo()).isFalse();
        assertThat(audio.audio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(storage.stat(StorageKeys.thumbnailsFolder(id) + "thumbnail.jpg")).isEmpty();
    }

    @Test
    void bad_input_fails_with_a_clear_reason_and_the_worker_carries_on() throws Exception {
        Path good = sources.video("good.mp4", 320, 240, 2, true);
        Path moovLast = sources.video("moov-last.mp4", 320, 240, 6, true);
        var cases = new java.util.LinkedHashMap<VideoId, String>();
        cases.put(submit(sources.empty("empty.mp4")), "empty (0 bytes)");
        cases.put(submit(sources.text("notes.mp4", "These are my meeting notes, not a video.\n".repeat(50))),
                "not a video or audio file");
        cases.put(submit(sources.image("picture.png")), "still image");
        cases.put(submit(sources.truncated(moovLast, "cut.mp4", 0.5)), "incomplete or damaged");
        cases.put(submit(sources.truncated(sources.faststart(moovLast, "faststart.mp4"), "cut-faststart.mp4", 0.4)),
                "truncated or damaged");
        cases.put(submit(sources.huge("huge.mkv")), "largest supported size is 8192");
        VideoId afterwards = submit(good);

        for (var entry : cases.entrySet()) {
            var video = awaitFinished(entry.getKey());
            assertThat(video.getStatus()).isEqualTo("failed");
            assertThat(video.getErrorReason()).contains(entry.getValue());
            assertThat(eventTypes(entry.getKey())).containsExactly("video.asset.errored");
            assertThat(storage.list(StorageKeys.hlsFolder(entry.getKey()))).isEmpty();
        }
        assertThat(awaitFinished(afterwards).getStatus()).isEqualTo("ready");
    }

    @Test
    void a_video_deleted_before_its_turn_is_skipped() {
        VideoId id = submit(sources.video("deleted.mp4", 320, 240, 2, false));
        dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).execute();

        await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchCount(io.vidcastx.db.jooq.Tables.JOBS,
                io.vidcastx.db.jooq.Tables.JOBS.PAYLOAD.cast(String.class).contains(id.toString())
                        .and(io.vidcastx.db.jooq.Tables.JOBS.STATUS.eq("completed"))) == 1);
        assertThat(storage.list(StorageKeys.hlsFolder(id))).isEmpty();
    }

    @Test
    void deleting_a_video_mid_transcode_stops_ffmpeg_and_removes_its_outputs() {
        VideoId id = submit(sources.video("long.mp4", 1920, 1080, 20, true));
        await().atMost(Duration.ofSeconds(60)).until(() -> video(id).getProgress() >= 10);

        dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).execute();

        await().atMost(Duration.ofSeconds(20)).until(() -> dsl.fetchCount(io.vidcastx.db.jooq.Tables.JOBS,
                io.vidcastx.db.jooq.Tables.JOBS.PAYLOAD.cast(String.class).contains(id.toString())
                        .and(io.vidcastx.db.jooq.Tables.JOBS.STATUS.eq("completed"))) == 1);
        assertThat(storage.list(StorageKeys.hlsFolder(id))).isEmpty();
        assertThat(storage.list(StorageKeys.thumbnailsFolder(id))).isEmpty();
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))).isEmpty();
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        int width = Math.min(a.getWidth(), b.getWidth());
        int height = Math.min(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum / (double) ((width / 4) * (height / 4));
    }
}
