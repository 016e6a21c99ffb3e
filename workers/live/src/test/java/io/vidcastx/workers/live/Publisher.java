package io.vidcastx.workers.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bundled FFmpeg publishing a lavfi test pattern and tone in real time (STACK.md's offline publisher). */
final class Publisher implements AutoCloseable {

    private final Process process;
    private final Path stderr;

    private Publisher(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static Publisher start(String url, int seconds, Path stderr) {
        var args = List.of("-nostdin", "-hide_banner", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "50", "-c:a", "aac", "-f", "flv", url);
        try {
            return new Publisher(LiveTestNode.LAUNCHER.builder(args).redirectErrorStream(true)
                    .redirectOutput(stderr.toFile()).start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for FFmpeg to end and returns its exit code. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the publisher did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    void kill() {
        process.destroyForcibly();
    }

    String log() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
