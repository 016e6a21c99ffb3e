package io.vidcastx.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL binaries (zonky) whose cluster lives in {@code <dataDir>/postgres} and survives
 * restarts. A persistent cluster holds the user's data, so it runs durable (fsync, synchronous commit,
 * full-page writes: zonky's test defaults turn the first two off), and a start first recovers what a
 * killed platform left behind: its still-running postmaster, or a stale {@code postmaster.pid}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String PID_FILE = "postmaster.pid";
    /** A fast shutdown rolls back open transactions and writes a checkpoint; a large cluster may need a while. */
    private static final Duration ORPHAN_SHUTDOWN_PATIENCE = Duration.ofSeconds(60);

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path directory, boolean ephemeral) {
        try {
            Files.createDirectories(directory);
            if (!ephemeral) {
                recoverFromCrash(directory);
            }
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // We stop it ourselves, after the Spring context: its own JVM hook would kill the
                    // database under workers that are still finishing their jobs.
                    .setRegisterShutdownHook(false)
                    .setPort(FreePorts.next())
                    .setServerConfig("max_connections", "200");
            if (ephemeral) {
                // Test data is thrown away: durability buys nothing but time.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                // zonky passes -F (fsync off) and synchronous_commit=off; -c options come after -F and win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * Stops a postmaster that still runs on {@code directory} (its platform was killed) with a fast
     * shutdown, or removes a {@code postmaster.pid} whose process is gone or is not a PostgreSQL of
     * this directory. The caller holds the data directory's lock, so no live platform owns this cluster.
     */
    static void recoverFromCrash(Path directory) {
        Path pidFile = directory.resolve(PID_FILE);
        var pid = OrphanProcesses.pidFrom(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        if (OrphanProcesses.isServerOf(pid.get(), "postgres", directory)) {
            // SIGINT is PostgreSQL's fast shutdown: clients are cut, the cluster is checkpointed and closed cleanly.
            if (!OrphanProcesses.stop(pid.get(), "INT", ORPHAN_SHUTDOWN_PATIENCE, "embedded PostgreSQL")) {
                throw new IllegalStateException("The PostgreSQL server (PID " + pid.get() + ") left running on "
                        + directory + " could not be stopped; stop it and start again");
            }
        }
        try {
            if (Files.deleteIfExists(pidFile)) {
                log.info("Removed the stale {} of {} (PID {} is gone)", PID_FILE, directory, pid.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + pidFile, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
