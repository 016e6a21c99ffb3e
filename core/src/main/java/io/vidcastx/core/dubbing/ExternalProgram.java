package io.vidcastx.core.dubbing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local tool (apertium, espeak-ng) with an argument list, never a shell: user text goes
 * to the program's standard input, so no quoting can turn it into a command.
 */
public final class ExternalProgram {

    private ExternalProgram() {
    }

    /** The tool could not be started (not installed) or failed; the message says which and why. */
    public static final class Failure extends RuntimeException {
        public final boolean notInstalled;

        Failure(String message, boolean notInstalled) {
            super(message);
            this.notInstalled = notInstalled;
        }
    }

    /**
     * @return what the program wrote on standard output, as UTF-8
     * @throws Failure when it cannot start, exits non-zero, or outlasts {@code timeout}
     */
    public static String run(List<String> command, String stdin, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new Failure(command.getFirst() + " is not installed or cannot run (" + e.getMessage() + ")", true);
        }
        try {
            var out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Failure(command.getFirst() + " took longer than " + timeout.toSeconds() + " s", false);
            }
            if (process.exitValue() != 0) {
                String error = err.join().strip();
                throw new Failure(command.getFirst() + " failed (exit " + process.exitValue() + ")"
                        + (error.isEmpty() ? "" : ": " + error.lines().limit(3).reduce((a, b) -> a + " " + b).orElse("")),
                        false);
            }
            return out.join();
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure(command.getFirst() + " was interrupted", false);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            var buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
