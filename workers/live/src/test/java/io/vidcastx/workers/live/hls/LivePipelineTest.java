package io.vidcastx.workers.live.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline against the real FFmpeg, stopped or killed under it with signals. */
class LivePipelineTest {

    private static final FfmpegLauncher LAUNCHER =
            new FfmpegLauncher(new FfmpegBinaries(new FfmpegProperties(null, null))::ffmpeg);
    private static final LiveHlsSettings SOURCE_ONLY = new LiveHlsSettings(2, 2, List.of(), "ultrafast", 128, 1000);
    private static final long LIMIT = 1024 * 1024;

    @TempDir
    static Path dir;

    /** The tags of a real 2 s H.264/AAC FLV: type, timestamp, body. */
    static List<Tag> tags;

    record Tag(int type, long timestamp, byte[] body) {
    }

    @BeforeAll
    static void makeSource() throws Exception {
        Path flv = dir.resolve("source.flv");
        Process ffmpeg = LAUNCHER.builder(List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "50", "-c:a", "aac", "-f", "flv", flv.toString())).inheritIO().start();
        assertThat(ffmpeg.waitFor()).isZero();
        tags = parse(Files.readAllBytes(flv));
    }

    @Test
    void a_stalled_ffmpeg_fills_the_bounded_buffer_and_the_publisher_is_refused_instead_of_memory_growing(@TempDir Path work)
            throws Exception {
        var pipeline = new LivePipeline(SOURCE_ONLY, LAUNCHER, work, LIMIT, Duration.ofSeconds(5), "stalled", reason -> { });
        try {
            tags.forEach(tag -> pipeline.offer(tag.type(), tag.timestamp(), tag.body()));
            long pid = pipeline.pid().orElseThrow();
            signal("STOP", pid);

            long offered = 0;
            long timestamp = 2000;
            boolean refused = false;
            try {
                while (offered < 64 * LIMIT) {
                    for (Tag tag : tags) {
                        if (tag.type() != FlvTags.SCRIPT) {
                            pipeline.offer(tag.type(), timestamp + tag.timestamp(), tag.body());
                            offered += tag.body().length + 15;
                        }
                    }
                    timestamp += 2000;
                }
            } catch (PipelineFullException e) {
                assertThat(e).hasMessageContaining("falling behind");
                refused = true;
            }
            assertThat(refused).isTrue();
            // at most the queue's limit plus what the OS pipe and the writer's buffer took before FFmpeg
            // stopped reading (the first two seconds may still have been queued when it stopped)
            assertThat(offered).isBetween(LIMIT / 2, LIMIT + 512 * 1024);
            signal("CONT", pid);
        } finally {
            pipeline.kill();
        }
    }

    @Test
    void ffmpeg_dying_mid_stream_is_reported_so_the_publisher_can_be_dropped(@TempDir Path work) throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        var pipeline = new LivePipeline(SOURCE_ONLY, LAUNCHER, work, LIMIT, Duration.ofSeconds(5), "crashing", failures::add);
        tags.forEach(tag -> pipeline.offer(tag.type(), tag.timestamp(), tag.body()));

        signal("KILL", pipeline.pid().orElseThrow());

        await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
        assertThat(failures.peek()).startsWith("FFmpeg stopped with exit code");
        assertThat(pipeline.finish().exitCode()).isNotZero();
    }

    @Test
    void ending_the_input_finishes_the_playlist_and_closes_the_recording(@TempDir Path work) {
        var pipeline = new LivePipeline(SOURCE_ONLY, LAUNCHER, work, LIMIT, Duration.ofSeconds(10), "short", reason -> { });
        tags.forEach(tag -> pipeline.offer(tag.type(), tag.timestamp(), tag.body()));

        PipelineResult result = pipeline.finish();

        assertThat(result.exitCode()).as(String.join("\n", result.stderrTail())).isZero();
        assertThat(result.recording()).contains(work.resolve("recording.mp4"));
        assertThat(work.resolve("source/index.m3u8")).content().contains("#EXT-X-ENDLIST");
        assertThat(pipeline.source()).get().extracting(SourceInfo::copyable).isEqualTo(true);
    }

    @Test
    void a_publisher_that_sends_no_media_never_starts_ffmpeg(@TempDir Path work) {
        var pipeline = new LivePipeline(SOURCE_ONLY, LAUNCHER, work, LIMIT, Duration.ofSeconds(5), "empty", reason -> { });

        PipelineResult result = pipeline.finish();

        assertThat(result.started()).isFalse();
        assertThat(result.recording()).isEmpty();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
    }

    private static List<Tag> parse(byte[] flv) {
        var buffer = ByteBuffer.wrap(flv);
        buffer.position(13);
        var parsed = new ArrayList<Tag>();
        while (buffer.remaining() > 15) {
            int type = buffer.get() & 0xFF;
            int size = ((buffer.get() & 0xFF) << 16) | ((buffer.get() & 0xFF) << 8) | (buffer.get() & 0xFF);
            long timestamp = ((buffer.get() & 0xFF) << 16) | ((buffer.get() & 0xFF) << 8) | (buffer.get() & 0xFF)
                    | ((long) (buffer.get() & 0xFF) << 24);
            buffer.position(buffer.position() + 3);
            byte[] body = new byte[size];
            buffer.get(body);
            buffer.getInt();
            parsed.add(new Tag(type, timestamp, body));
        }
        return parsed;
    }
}
