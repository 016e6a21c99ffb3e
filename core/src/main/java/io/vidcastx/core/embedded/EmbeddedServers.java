package io.vidcastx.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, Redis and S3 of the one-command mode, each started on first use. There is
 * one set per JVM: in tests every Spring context shares it (STACK.md: one embedded server per test
 * JVM), and a dev-mode reload never starts a second PostgreSQL on the same data directory.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static @Nullable EmbeddedServers shared;

    private final Path dataDir;
    private final boolean ephemeral;
    private @Nullable EmbeddedPostgresServer postgres;
    private @Nullable EmbeddedRedisServer redis;
    private @Nullable EmbeddedS3Server s3;
    private @Nullable DataDirectoryLock lock;

    private EmbeddedServers(Path dataDir, boolean ephemeral) {
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    /**
     * The JVM's embedded servers. Ephemeral ones live in a temporary directory removed when the JVM
     * exits; persistent ones live in the configured data directory and are closed with the Spring context.
     */
    public static synchronized EmbeddedServers obtain(EmbeddedProperties properties) {
        if (shared == null) {
            if (properties.ephemeral()) {
                var servers = new EmbeddedServers(createTempDir(), true);
                Runtime.getRuntime().addShutdownHook(new Thread(servers::closeAndDelete, "embedded-servers-cleanup"));
                shared = servers;
            } else {
                shared = new EmbeddedServers(properties.dataDir().toAbsolutePath().normalize(), false);
            }
        }
        return shared;
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            lockDataDir();
            long start = System.nanoTime();
            postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), ephemeral);
            log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.port(),
                    dataDir.resolve("postgres"), (System.nanoTime() - start) / 1_000_000);
        }
        return postgres;
    }

    public synchronized EmbeddedRedisServer redis() {
        if (redis == null) {
            lockDataDir();
            // Persistent installs keep an append-only file so dispatches survive a restart.
            redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), !ephemeral);
            log.info("Embedded Redis on port {} (AOF {})", redis.port(), ephemeral ? "off" : "on");
        }
        return redis;
    }

    public synchronized EmbeddedS3Server s3() {
        if (s3 == null) {
            lockDataDir();
            // Local-only credentials: the endpoint listens on loopback and the keys never leave this JVM.
            var random = new SecureRandom();
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            s3 = EmbeddedS3Server.start(dataDir.resolve("s3"), "vidcastx-local", HexFormat.of().formatHex(secret));
            log.info("Embedded S3 at {} with objects in {}", s3.endpoint(), dataDir.resolve("s3"));
        }
        return s3;
    }

    /**
     * The first server to start takes the data directory's lock: only then may it recover what a
     * killed platform left in that directory, and a second platform on it fails here, before touching it.
     */
    private void lockDataDir() {
        if (lock == null) {
            lock = DataDirectoryLock.acquire(dataDir);
        }
    }

    @Override
    public synchronized void close() {
        if (ephemeral) {
            return; // the shutdown hook owns ephemeral servers: other test contexts still use them
        }
        stopAll();
        synchronized (EmbeddedServers.class) {
            shared = null;
        }
    }

    private synchronized void stopAll() {
        if (s3 != null) {
            quietly("S3", s3);
            s3 = null;
        }
        if (redis != null) {
            quietly("Redis", redis);
            redis = null;
        }
        if (postgres != null) {
            quietly("PostgreSQL", postgres);
            postgres = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private void closeAndDelete() {
        stopAll();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove temporary data in {}", dataDir, e);
        }
    }

    private static void quietly(String name, AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Embedded {} did not stop cleanly", name, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("vidcastx-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
