package io.vidcastx.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <dataDir>/.lock}, held for the life of the process. Only its holder may
 * start (or clean up after) the embedded servers of that directory, so two platforms never run two
 * PostgreSQL servers on one cluster. The operating system drops the lock when the process dies, even
 * by {@code kill -9}, which is what makes a crashed holder's leftovers safe to recover.
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once, naming the process that holds it.
     *
     * @throws DataDirectoryInUseException when another process (or this one) holds it
     */
    public static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUseException(dataDir, holder);
            }
            // The holder's PID, for the message a second process prints; the lock, not this text, decides.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock the data directory " + dataDir, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    /** Another live process uses this data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path dataDir, String holder) {
            super("The data directory " + dataDir + " is in use by another Vidcastx process"
                    + (holder.isEmpty() ? "" : " (PID " + holder + ")")
                    + ". Stop that process first, or give this one its own VIDCASTX_EMBEDDED_DATA_DIR.");
        }
    }
}
