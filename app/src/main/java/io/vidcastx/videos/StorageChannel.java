package io.vidcastx.videos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import io.vidcastx.core.storage.ByteRange;
import io.vidcastx.core.storage.StorageService;
import org.jcodec.common.io.SeekableByteChannel;

/**
 * A read-only, seekable view of a stored object for jcodec, fetched in ranged GETs of one block at
 * a time: reading an MP4's index touches a few box headers and the moov box, never the whole file.
 */
final class StorageChannel implements SeekableByteChannel {

    private static final int BLOCK = 256 * 1024;
    /** Enough for any sane moov box; a file that needs more is left to FFmpeg. */
    private static final long READ_BUDGET = 64L * 1024 * 1024;

    private final StorageService storage;
    private final String key;
    private final long size;
    private long position;
    private long blockStart = -1;
    private byte[] block = new byte[0];
    private long fetched;

    StorageChannel(StorageService storage, String key, long size) {
        this.storage = storage;
        this.key = key;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (destination.hasRemaining() && position < size) {
            if (position < blockStart || position >= blockStart + block.length) {
                load(position);
            }
            int offset = (int) (position - blockStart);
            int count = Math.min(destination.remaining(), block.length - offset);
            destination.put(block, offset, count);
            position += count;
            total += count;
        }
        return total;
    }

    private void load(long start) throws IOException {
        long length = Math.min(BLOCK, size - start);
        fetched += length;
        if (fetched > READ_BUDGET) {
            throw new IOException("MP4 index larger than the read budget");
        }
        try (InputStream in = storage.getFileStream(key, ByteRange.of(start, start + length - 1))) {
            block = in.readAllBytes();
            blockStart = start;
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel setPosition(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public int write(ByteBuffer source) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        block = new byte[0];
    }
}
