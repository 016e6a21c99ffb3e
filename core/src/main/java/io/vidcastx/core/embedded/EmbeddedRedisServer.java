package io.vidcastx.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The Redis binary shipped inside the embedded-redis jar, bound to loopback. With persistence on, it
 * writes an append-only file under {@code <dataDir>/redis} so queued dispatches survive a restart.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    static final String PID_FILE = "redis.pid";

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis on a free port; {@code directory} null means no persistence at all. */
    public static EmbeddedRedisServer start(Path directory, boolean appendOnly) {
        return start(directory, appendOnly, FreePorts.next());
    }

    public static EmbeddedRedisServer start(Path directory, boolean appendOnly, int port) {
        try {
            Files.createDirectories(directory);
            // A Redis left running by a killed platform would append to the same file as the new one.
            stopOrphan(directory);
            var server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + directory.toAbsolutePath())
                    .setting("appendonly " + (appendOnly ? "yes" : "no"))
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    // Written even in the foreground: the next start finds an orphan by it.
                    .setting("pidfile " + directory.toAbsolutePath().resolve(PID_FILE))
                    // Stopped by EmbeddedServers after the Spring context, not by a JVM hook of its own.
                    .onShutdownForceStop(false)
                    .soutListener(line -> log.debug("redis: {}", line))
                    .serrListener(line -> log.warn("redis: {}", line))
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis in " + directory, e);
        }
    }

    /** Stops a Redis still running in {@code directory} (SIGTERM: it flushes its append-only file first). */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        var pid = OrphanProcesses.pidFrom(pidFile);
        if (pid.isPresent() && OrphanProcesses.isServerOf(pid.get(), "redis", directory)
                && !OrphanProcesses.stop(pid.get(), "TERM", java.time.Duration.ofSeconds(30), "embedded Redis")) {
            throw new IllegalStateException("The Redis server (PID " + pid.get() + ") left running in " + directory
                    + " could not be stopped; stop it and start again");
        }
        Files.deleteIfExists(pidFile);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isActive() {
        return server.isActive();
    }

    /** Stops and starts the same server (same port and data): used to prove the queue survives it. */
    public void restart() {
        try {
            server.stop();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart embedded Redis", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
