package io.vidcastx.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bundled FFmpeg under the runner: output, failure, timeout, cancellation, no orphans. */
class MediaProcessRunnerTest {

    private final FfmpegBinaries binaries = new FfmpegBinaries(new FfmpegProperties(null, null));
    private final MediaProcessRunner runner = new MediaProcessRunner();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        runner.close();
    }

    /** Ten minutes of test pattern: far longer than any test waits. */
    private static List<String> endless() {
        return List.of("-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-t", "600", "-f", "null", "-");
    }

    @Test
    void ffmpeg_runs_and_ffprobe_reads_what_it_made() {
        runner.run(binaries.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                dir.resolve("clip.mp4").toString()), dir, Duration.ofMinutes(1), null, () -> false);

        var info = new MediaProbe(binaries, runner).probe(dir.resolve("clip.mp4"));

        assertThat(info.video().orElseThrow().codec()).isEqualTo("h264");
        assertThat(info.video().get().width()).isEqualTo(320);
        assertThat(info.durationSeconds()).isBetween(0.9, 1.1);
    }

    @Test
    void a_failing_run_reports_its_exit_code_and_the_end_of_stderr() throws Exception {
        Path notMedia = Files.writeString(dir.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> runner.run(binaries.ffmpeg(), List.of("-nostdin", "-i", notMedia.toString(), "-f",
                "null", "-"), dir, Duration.ofMinutes(1), null, () -> false))
                .isInstanceOfSatisfying(FfmpegException.class, e -> {
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(String.join("\n", e.stderrTail())).contains("Invalid data found");
                });
    }

    @Test
    void a_run_past_its_timeout_is_killed() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(binaries.ffmpeg(), endless(), dir, Duration.ofSeconds(1), null, () -> false))
                .isInstanceOf(FfmpegTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ffmpegChildren()).isEmpty();
    }

    @Test
    void a_cancelled_run_stops_at_once() {
        var deadline = new AtomicLong(System.nanoTime() + 500_000_000L);
        assertThatThrownBy(() -> runner.run(binaries.ffmpeg(), endless(), dir, Duration.ofMinutes(5), null,
                () -> System.nanoTime() > deadline.get()))
                .isInstanceOf(FfmpegCancelledException.class);
        assertThat(ffmpegChildren()).isEmpty();
    }

    @Test
    void closing_the_runner_kills_every_running_child() throws Exception {
        var failures = new ArrayList<Throwable>();
        var thread = Thread.ofVirtual().start(() -> {
            try {
                runner.run(binaries.ffmpeg(), endless(), dir, Duration.ofMinutes(5), null, () -> false);
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ffmpegChildren().isEmpty());

        runner.close();
        thread.join(10_000);

        assertThat(ffmpegChildren()).isEmpty();
        assertThat(failures).singleElement().isInstanceOf(FfmpegException.class);
    }

    private static List<ProcessHandle> ffmpegChildren() {
        return ProcessHandle.current().children()
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .toList();
    }
}
