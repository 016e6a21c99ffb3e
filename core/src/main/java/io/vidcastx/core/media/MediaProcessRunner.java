package io.vidcastx.core.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs FFmpeg-family executables with an argument list (never a shell), a timeout, cancellation and
 * a record of every child so that none outlives the JVM. stdout lines go to a consumer (FFmpeg's
 * {@code -progress pipe:1}, ffprobe's JSON); the tail of stderr explains failures.
 */
public final class MediaProcessRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaProcessRunner.class);
    private static final int STDERR_LINES = 40;

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::killAll, "media-process-reaper");

    public MediaProcessRunner() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs {@code executable} with {@code arguments} in {@code workDir} and waits for it.
     *
     * @param stdout     receives each stdout line as it arrives
     * @param cancelled  polled a few times a second; true stops the process
     * @return the process's stdout lines when {@code stdout} is null, else an empty list
     * @throws FfmpegException on a non-zero exit, a timeout or a cancellation
     */
    public List<String> run(Path executable, List<String> arguments, Path workDir, Duration timeout,
                            @org.jspecify.annotations.Nullable Consumer<String> stdout, BooleanSupplier cancelled) {
        var command = new ArrayList<String>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        Process process;
        try {
            var builder = new ProcessBuilder(command).directory(workDir.toFile());
            addBundledLibraries(builder, executable);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + executable, e);
        }
        running.add(process);
        try {
            closeQuietly(process);
            var stderrTail = new ArrayDeque<String>();
            var collected = new ArrayList<String>();
            Thread errReader = Thread.ofVirtual().start(() -> drain(process, stderrTail));
            Thread outReader = Thread.ofVirtual().start(() -> readLines(process, stdout != null ? stdout : collected::add));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    destroy(process);
                    throw new FfmpegCancelledException();
                }
                if (System.nanoTime() > deadline) {
                    destroy(process);
                    errReader.join(1000);
                    throw new FfmpegTimeoutException(timeout, snapshot(stderrTail));
                }
            }
            outReader.join();
            errReader.join();
            if (process.exitValue() != 0) {
                throw new FfmpegException(executable.getFileName() + " exited with " + process.exitValue(),
                        process.exitValue(), snapshot(stderrTail));
            }
            return collected;
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new FfmpegCancelledException();
        } finally {
            running.remove(process);
        }
    }

    /**
     * The FFmpeg bundled by JavaCPP ships its shared libraries (libav*, libva, libdrm) next to the
     * executable, but only some of them carry a RUNPATH to find each other.
     */
    private static void addBundledLibraries(ProcessBuilder builder, Path executable) {
        Path directory = executable.toAbsolutePath().getParent();
        if (directory == null || !java.nio.file.Files.exists(directory.resolve("libavutil.so"))) {
            return;
        }
        String current = builder.environment().get("LD_LIBRARY_PATH");
        builder.environment().put("LD_LIBRARY_PATH",
                directory + (current == null || current.isEmpty() ? "" : java.io.File.pathSeparator + current));
    }

    /** Kills every child still running (the worker is stopping). */
    public void killAll() {
        running.forEach(MediaProcessRunner::destroy);
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // stdin is unused (-nostdin); nothing to do
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readLines(Process process, Consumer<String> consumer) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                consumer.accept(line);
            }
        } catch (IOException e) {
            log.debug("stdout of a media process closed: {}", e.toString());
        }
    }

    private static void drain(Process process, Deque<String> tail) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (tail) {
                    tail.addLast(line.strip());
                    if (tail.size() > STDERR_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("stderr of a media process closed: {}", e.toString());
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }
}
