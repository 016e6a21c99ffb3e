package io.vidcastx.core.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Who holds a job's lease, in two parts: the node, a worker process's identity that stays the same
 * when it starts again on the same machine, and the boot, new on every start.
 * <p>
 * The node is {@code <host>:<directory hash>:<slot>}, where the slot is the first of
 * {@code <directory>/slot-N.lock} this process can lock; it keeps that lock for its life. A slot whose
 * lock is free belongs to no live process (the operating system drops the lock of a killed one), so
 * the jobs still leased to an earlier boot of the node are provably orphaned and may be taken back
 * at once. Several processes on one machine each hold their own slot and never take each other's jobs.
 */
public final class WorkerNode implements AutoCloseable {

    private static final int MAX_SLOTS = 1024;

    private final String id;
    private final UUID bootId;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkerNode(String id, UUID bootId, FileChannel channel, FileLock lock) {
        this.id = id;
        this.bootId = bootId;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the first free slot in {@code directory} for the life of this process (or until {@link #close()}). */
    public static WorkerNode claim(Path directory) {
        try {
            Files.createDirectories(directory);
            String prefix = hostName() + ":" + shortHash(directory.toRealPath().toString()) + ":";
            for (int slot = 0; slot < MAX_SLOTS; slot++) {
                var channel = FileChannel.open(directory.resolve("slot-" + slot + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this very JVM (tests run several nodes in one)
                }
                if (lock != null) {
                    return new WorkerNode(prefix + slot, UUID.randomUUID(), channel, lock);
                }
                channel.close();
            }
            throw new IllegalStateException("More than " + MAX_SLOTS + " worker processes hold a slot in " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not claim a worker slot in " + directory, e);
        }
    }

    /** Stable across restarts of this process on this machine. */
    public String id() {
        return id;
    }

    /** New on every start. */
    public UUID bootId() {
        return bootId;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process anyway
        }
    }

    @Override
    public String toString() {
        return id + " (boot " + bootId + ")";
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
