package io.vidcastx.workers.live.rtmp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes messages as chunks: a type 0 header on the first chunk and type 3 headers on the rest.
 * The server sends few and small messages (control and command replies), so it never compresses
 * headers further. Not thread-safe: the connection serializes its writes.
 */
public final class ChunkStreamWriter {

    private static final int EXTENDED = 0xFFFFFF;

    private final OutputStream out;
    private int chunkSize = 128;

    public ChunkStreamWriter(OutputStream out) {
        this.out = out;
    }

    /** Applies a chunk size this side has announced with a Set Chunk Size message. */
    public void chunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size);
        }
        this.chunkSize = size;
    }

    public void write(int chunkStreamId, RtmpMessage message) throws IOException {
        if (chunkStreamId < 2 || chunkStreamId > 63) {
            throw new IllegalArgumentException("the server only uses one-byte chunk stream ids: " + chunkStreamId);
        }
        byte[] payload = message.payload();
        long timestamp = message.timestamp() & 0xFFFFFFFFL;
        boolean extended = timestamp >= EXTENDED;
        out.write(chunkStreamId);
        u24(extended ? EXTENDED : (int) timestamp);
        u24(payload.length);
        out.write(message.type());
        int streamId = message.streamId();
        out.write(streamId);
        out.write(streamId >>> 8);
        out.write(streamId >>> 16);
        out.write(streamId >>> 24);
        if (extended) {
            u32(timestamp);
        }
        int offset = 0;
        while (true) {
            int count = Math.min(chunkSize, payload.length - offset);
            out.write(payload, offset, count);
            offset += count;
            if (offset >= payload.length) {
                break;
            }
            out.write(0xC0 | chunkStreamId);
            if (extended) {
                u32(timestamp);
            }
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void u24(int value) throws IOException {
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private void u32(long value) throws IOException {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }
}
