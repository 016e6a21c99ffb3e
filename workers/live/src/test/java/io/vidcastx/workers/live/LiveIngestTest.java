package io.vidcastx.workers.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vidcastx.core.media.MediaInfo;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.media.MediaProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Real FFmpeg publishers against a real ingest node, through to live HLS and a recording. */
@ExtendWith(OutputCaptureExtension.class)
class LiveIngestTest {

    private static final Pattern MEDIA_SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");

    @TempDir
    static Path dir;

    static LiveTestNode live;
    static MediaProcessRunner runner;
    static MediaProbe probe;

    @BeforeAll
    static void startNode() {
        live = new LiveTestNode(dir.resolve("sessions"));
        runner = new MediaProcessRunner();
        probe = new MediaProbe(LiveTestNode.BINARIES, runner);
    }

    @AfterAll
    static void stopNode() {
        live.close();
        runner.close();
    }

    @Test
    void a_published_stream_becomes_a_sliding_live_ladder_with_valid_segments_and_a_recording(CapturedOutput output)
            throws Exception {
        String key = "sk-happy-7f3a9c1e5b";
        live.streamIdsByKey.put(key, "stream-happy");
        try (Publisher publisher = live.publish(key, 8, dir.resolve("happy.log"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.connected.stream().anyMatch(s -> s.streamId().equals("stream-happy")));
            Path session = live.sessionOf("stream-happy").directory();
            Path playlist = session.resolve("source/index.m3u8");

            // the window slides while the publisher is still live: the first segment leaves the playlist
            await().atMost(Duration.ofSeconds(15)).until(() -> mediaSequence(playlist) >= 1);
            assertThat(publisher.alive()).isTrue();
            assertThat(Files.readString(session.resolve("master.m3u8")))
                    .contains("source/index.m3u8", "180p/index.m3u8");

            // the ingest's own figures of the stream (what the dashboard's health line shows)
            var health = live.sessionOf("stream-happy").meter().health();
            assertThat(health.width()).isEqualTo(320);
            assertThat(health.height()).isEqualTo(240);
            assertThat(health.frameRate()).isCloseTo(25.0, within(1.0));
            assertThat(health.videoKbps()).isPositive();
            assertThat(health.droppedFrames()).isZero();

            MediaInfo source = probeLiveSegment(session.resolve("source"));
            assertThat(source.video()).get().satisfies(video -> {
                assertThat(video.codec()).isEqualTo("h264");
                assertThat(video.height()).isEqualTo(240);
            });
            assertThat(source.audio()).get().extracting(MediaInfo.AudioStream::codec).isEqualTo("aac");
            MediaInfo lower = probeLiveSegment(session.resolve("180p"));
            assertThat(lower.video()).get().extracting(MediaInfo.VideoStream::height).isEqualTo(180);

            assertThat(publisher.awaitExit(20)).as(publisher.log()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                    .anyMatch(entry -> entry.getKey().streamId().equals("stream-happy")));
            SessionEnd end = live.endOf("stream-happy");
            assertThat(end.reason()).isEqualTo("the publisher unpublished");
            assertThat(end.ffmpegExitCode()).isZero();
            assertThat(Files.readString(playlist)).contains("#EXT-X-ENDLIST");
            assertThat(session.resolve("source/segment_00000.ts")).doesNotExist();

            MediaInfo recording = probe.probe(end.recording().orElseThrow());
            assertThat(recording.durationSeconds()).isCloseTo(8.0, within(1.0));
            assertThat(recording.video()).get().extracting(MediaInfo.VideoStream::codec).isEqualTo("h264");
            assertThat(recording.audio()).isPresent();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("sessions"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains(key)).anyMatch(name -> name.contains("stream-happy"));
        }
        assertThat(output.getAll()).doesNotContain(key).contains("stream-happy");
    }

    @Test
    void an_unknown_key_is_refused_and_ffmpeg_gives_up_with_the_servers_error() throws Exception {
        try (Publisher publisher = live.publish("no-such-key", 2, dir.resolve("unknown.log"))) {
            assertThat(publisher.awaitExit(15)).isNotZero();
            assertThat(publisher.log()).contains("Server error: Stream key refused.");
        }
        assertThat(live.connected).noneMatch(session -> session.streamId().equals("unknown"));
    }

    @Test
    void a_second_publisher_on_a_live_key_is_refused_while_the_first_goes_on() throws Exception {
        String key = "sk-twice-5d21";
        live.streamIdsByKey.put(key, "stream-twice");
        try (Publisher first = live.publish(key, 5, dir.resolve("first.log"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.connected.stream().anyMatch(s -> s.streamId().equals("stream-twice")));
            Path playlist = live.sessionOf("stream-twice").directory().resolve("source/index.m3u8");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(playlist));

            try (Publisher second = live.publish(key, 3, dir.resolve("second.log"))) {
                assertThat(second.awaitExit(15)).isNotZero();
                assertThat(second.log()).contains("Server error: Stream key refused.");
            }
            assertThat(first.alive()).isTrue();
            assertThat(first.awaitExit(20)).as(first.log()).isZero();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-twice")));
        assertThat(live.connected).filteredOn(session -> session.streamId().equals("stream-twice")).hasSize(1);
        assertThat(live.endOf("stream-twice").ffmpegExitCode()).isZero();
        assertThat(Files.readString(live.sessionOf("stream-twice").directory().resolve("source/index.m3u8")))
                .contains("#EXT-X-ENDLIST");
    }

    @Test
    void killing_the_publisher_ends_the_session_and_reports_it_disconnected() throws Exception {
        String key = "sk-killed-0b77";
        live.streamIdsByKey.put(key, "stream-killed");
        try (Publisher publisher = live.publish(key, 30, dir.resolve("killed.log"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.connected.stream().anyMatch(s -> s.streamId().equals("stream-killed")));
            Path session = live.sessionOf("stream-killed").directory();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(session.resolve("source/index.m3u8")));
            publisher.kill();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-killed")));
        SessionEnd end = live.endOf("stream-killed");
        assertThat(end.reason()).contains("closed the connection");
        assertThat(end.mediaStarted()).isTrue();
        assertThat(end.ffmpegExitCode()).isZero();
        assertThat(end.recording()).isPresent();
        assertThat(live.node.activeSessions()).noneMatch(session -> session.streamId().equals("stream-killed"));
        assertThat(Files.readString(live.sessionOf("stream-killed").directory().resolve("source/index.m3u8")))
                .contains("#EXT-X-ENDLIST");
    }

    private static long mediaSequence(Path playlist) throws IOException {
        if (!Files.exists(playlist)) {
            return -1;
        }
        Matcher matcher = MEDIA_SEQUENCE.matcher(Files.readString(playlist));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Copies a segment the live playlist lists now (it may be deleted soon after) and probes the copy. */
    private static MediaInfo probeLiveSegment(Path rung) {
        var copy = new AtomicReference<Path>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Optional<String> segment = Files.readAllLines(rung.resolve("index.m3u8")).stream()
                    .filter(line -> line.endsWith(".ts")).reduce((first, second) -> second);
            if (segment.isEmpty()) {
                return false;
            }
            try {
                Path target = dir.resolve(rung.getFileName() + "-" + segment.get());
                Files.copy(rung.resolve(segment.get()), target);
                copy.set(target);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return probe.probe(copy.get());
    }

}
