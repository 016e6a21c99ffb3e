package io.vidcastx.core.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a server process left behind by a platform that died without stopping it (the
 * embedded PostgreSQL and Redis run as separate processes and outlive a {@code kill -9} of the JVM).
 * A process is only touched when {@code /proc} proves it is that server working in that directory:
 * its executable's name and its working directory (PostgreSQL and Redis both change into their data
 * directory) must match. A reused PID that belongs to anything else is never signalled.
 */
final class OrphanProcesses {

    private static final Logger log = LoggerFactory.getLogger(OrphanProcesses.class);

    private OrphanProcesses() {
    }

    /** The PID on the first line of {@code pidFile}, if the file exists and holds one. */
    static Optional<Long> pidFrom(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code pid} is alive, its executable's file name contains {@code executableName}, and
     * its working directory is {@code directory}.
     */
    static boolean isServerOf(long pid, String executableName, Path directory) {
        if (pid == ProcessHandle.current().pid() || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String executable = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
            Path workingDirectory = proc.resolve("cwd").toRealPath();
            return executable.contains(executableName) && workingDirectory.equals(directory.toRealPath());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // No /proc (not Linux), or the process just ended: nothing proven, nothing touched.
            return false;
        }
    }

    /**
     * Asks the process to stop with {@code signal} (e.g. {@code INT} for PostgreSQL's fast shutdown),
     * waits up to {@code patience}, and kills it only if it is still there.
     *
     * @return true when the process is gone
     */
    static boolean stop(long pid, String signal, Duration patience, String what) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        log.warn("Stopping the {} (PID {}) left running by a Vidcastx process that did not shut down", what, pid);
        signal(pid, signal);
        if (awaitExit(handle.get(), patience)) {
            return true;
        }
        log.warn("The {} (PID {}) did not stop within {}; killing it", what, pid, patience);
        handle.get().destroyForcibly();
        return awaitExit(handle.get(), Duration.ofSeconds(10));
    }

    /**
     * Polls briefly: {@code onExit()} of a process that is not our child is itself polled by the JDK
     * at intervals of seconds, which would add that much to every recovering start.
     */
    private static boolean awaitExit(ProcessHandle process, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    private static void signal(long pid, String signal) {
        try {
            var kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(pid)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
            kill.destroyForcibly();
        } catch (IOException e) {
            // no kill command: fall back to SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
}
