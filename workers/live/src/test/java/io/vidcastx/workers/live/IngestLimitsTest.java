package io.vidcastx.workers.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-stream limits against real FFmpeg publishers: a picture above the node's resolution is refused
 * at its sequence header, a stream above the bit rate is dropped once ten seconds of media showed it,
 * each with the reason the live stream's owner is shown.
 */
class IngestLimitsTest {

    @TempDir
    static Path dir;

    static LiveTestNode live;

    @BeforeAll
    static void startNode() {
        live = new LiveTestNode(dir.resolve("sessions"), 500, 200);
    }

    @AfterAll
    static void stopNode() {
        live.close();
    }

    /** Publishes as fast as FFmpeg encodes (no {@code -re}), so ten seconds of media take about one. */
    private Process publish(String key, String size, String videoOptions, Path log) throws Exception {
        var args = new java.util.ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "warning",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "14", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50"));
        args.addAll(List.of(videoOptions.split(" ")));
        args.addAll(List.of("-c:a", "aac", "-f", "flv", live.url(key)));
        return LiveTestNode.LAUNCHER.builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void a_picture_above_the_resolution_limit_is_refused_with_its_size() throws Exception {
        live.streamIdsByKey.put("sk-too-big-41c2", "stream-too-big");
        // no onMetaData: the size is read from the H.264 sequence header itself
        var publisher = publish("sk-too-big-41c2", "320x240", "-b:v 300k -flvflags no_metadata", dir.resolve("big.log"));
        assertThat(publisher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(publisher.exitValue()).isNotZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-too-big")));
        assertThat(live.endOf("stream-too-big").limitExceeded())
                .contains("the picture is 320x240 (240p); the limit is 200p");
    }

    @Test
    void a_declared_bit_rate_above_the_limit_is_refused_at_once() throws Exception {
        live.streamIdsByKey.put("sk-declared-5a1e", "stream-declared");
        var publisher = publish("sk-declared-5a1e", "256x144", "-b:v 1500k", dir.resolve("declared.log"));
        assertThat(publisher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(publisher.exitValue()).isNotZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-declared")));
        assertThat(live.endOf("stream-declared").limitExceeded()).get().asString()
                .matches("the encoder is set to \\d+ Kbps of video; the limit is 500 Kbps");
    }

    @Test
    void a_stream_above_the_bit_rate_limit_is_dropped_after_ten_seconds_of_media() throws Exception {
        live.streamIdsByKey.put("sk-too-fast-9e07", "stream-too-fast");
        // constant 1500 Kbps (filler data pads the stream), three times the 500 Kbps limit, declared nowhere
        var publisher = publish("sk-too-fast-9e07", "256x144", "-b:v 1500k -minrate 1500k -maxrate 1500k "
                + "-bufsize 1500k -x264-params nal-hrd=cbr -flvflags no_metadata", dir.resolve("fast.log"));
        assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-too-fast")));
        assertThat(live.endOf("stream-too-fast").limitExceeded()).get().asString()
                .matches("the video came at \\d+ Kbps over 10 s; the limit is 500 Kbps");
        assertThat(publisher.exitValue()).isNotZero();
    }

    @Test
    void a_stream_within_the_limits_is_not_touched() throws Exception {
        live.streamIdsByKey.put("sk-fine-2b90", "stream-fine");
        var publisher = publish("sk-fine-2b90", "256x144", "-b:v 200k -maxrate 250k -bufsize 500k", dir.resolve("fine.log"));
        assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(publisher.exitValue()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-fine")));
        assertThat(live.endOf("stream-fine").limitExceeded()).isEmpty();
    }
}
