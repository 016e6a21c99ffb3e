package io.vidcastx.videos;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static io.vidcastx.videos.Mp4Boxes.box;
import static io.vidcastx.videos.Mp4Boxes.concat;
import static io.vidcastx.videos.Mp4Boxes.ftyp;
import static io.vidcastx.videos.Mp4Boxes.header;
import static io.vidcastx.videos.Mp4Boxes.largeHeader;
import static io.vidcastx.videos.Mp4Boxes.mvhd;
import static io.vidcastx.videos.Mp4Boxes.videoTrak;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.db.jooq.tables.records.VideosRecord;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * MP4 files whose boxes lie about their sizes, uploaded as a user would (a direct upload's PUT): the
 * web JVM reads the index at once, so none of them may make it allocate more than the index cap.
 */
class CraftedMp4UploadTest extends AppTestSupport {

    /** All threads together, while one upload completes: the 16 MB index cap plus the server's own work. */
    private static final long ALLOCATION_BUDGET = 256L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @TempDir
    Path dir;

    private HttpTestClient client;

    @BeforeEach
    void apiKey() {
        ensureOwner();
        client = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "crafted MP4 tests");
    }

    static Stream<Arguments> craftedFiles() {
        byte[] isom = "isom\0\0\0\0isomiso2".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("a 24-byte file whose ftyp claims 2 GiB", header(0x7FFF_FFF0L, "ftyp", isom)),
                Arguments.of("a moov that claims 1.9 GB", concat(ftyp(), header(1_900_000_000L, "moov", mvhd(1000, 1000)))),
                Arguments.of("a trak inside moov that claims 2 GiB",
                        concat(ftyp(), box("moov", mvhd(1000, 1000), header(Integer.MAX_VALUE, "trak", new byte[64])))),
                Arguments.of("a free box of size 1 (a cut-off 64-bit size)", concat(ftyp(), header(1, "free", new byte[4]))),
                Arguments.of("a moov of size 0 with an mvhd claiming 2 GiB",
                        concat(ftyp(), header(0, "moov", header(0x7FFF_FFF0L, "mvhd", new byte[100])))),
                Arguments.of("an mdat with a 64-bit size of 8 EiB", concat(ftyp(), largeHeader(Long.MAX_VALUE, "mdat", new byte[64]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedFiles")
    void a_crafted_upload_costs_bounded_memory_and_goes_to_the_transcode_worker_without_facts(String what, byte[] file) {
        var allocation = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = allocation.getTotalThreadAllocatedBytes();

        var video = upload(file, what);

        long allocated = allocation.getTotalThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by every thread while the upload completed").isLessThan(ALLOCATION_BUDGET);
        assertThat(video.getStatus()).isEqualTo("processing");
        assertThat(video.getDurationSeconds()).isNull();
        assertThat(video.getWidth()).isNull();
        assertThat(video.getSizeBytes()).isEqualTo(file.length);
        assertThat(dsl.fetchCount(JOBS, JOBS.QUEUE.eq(Queues.VIDEO_PROCESSING.name()),
                JOBS.PAYLOAD.cast(String.class).contains(video.getVideoId().toString())))
                .as("FFmpeg's probe in the transcode worker gives the reason").isEqualTo(1);
    }

    @Test
    void after_crafted_uploads_a_real_mp4_still_gets_its_duration_and_picture_size() throws Exception {
        for (var crafted : craftedFiles().toList()) {
            upload((byte[]) crafted.get()[1], (String) crafted.get()[0]);
        }
        Path clip = dir.resolve("clip.mp4");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", clip.toString()), dir, Duration.ofMinutes(1), null, () -> false);

        var video = upload(Files.readAllBytes(clip), "honest clip");

        assertThat(video.getDurationSeconds()).isBetween(1.9, 2.1);
        assertThat(video.getWidth()).isEqualTo(320);
        assertThat(video.getHeight()).isEqualTo(240);
    }

    @Test
    void a_hand_made_index_gives_its_facts_through_the_upload_path() {
        var video = upload(concat(ftyp(), header(16, "mdat", new byte[8]), box("moov", mvhd(1000, 4500), videoTrak(1280, 720))),
                "hand made");

        assertThat(video.getDurationSeconds()).isEqualTo(4.5);
        assertThat(video.getWidth()).isEqualTo(1280);
        assertThat(video.getHeight()).isEqualTo(720);
    }

    private VideosRecord upload(byte[] file, String title) {
        var created = client.request("POST", "/video/v1/uploads")
                .json("{\"new_asset_settings\": {\"meta\": {\"title\": " + json.writeValueAsString(title) + "}}}").send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var upload = json.readTree(created.body()).get("data");
        var put = client.request("PUT", upload.get("url").asString()).anonymous().header("Content-Type", "video/mp4")
                .body(file).send();
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var done = json.readTree(client.request("GET", "/video/v1/uploads/" + upload.get("id").asString()).send().body())
                .get("data");
        assertThat(done.get("status").asString()).isEqualTo("asset_created");
        return dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(io.vidcastx.db.ids.VideoId.parse(done.get("asset_id").asString())))
                .fetchSingle();
    }
}
