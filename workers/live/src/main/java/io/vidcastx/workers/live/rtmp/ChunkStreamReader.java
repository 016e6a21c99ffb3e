package io.vidcastx.workers.live.rtmp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reassembles RTMP messages from the chunk stream (RTMP specification 1.0, section 5.3): basic
 * headers with 1-3 byte chunk stream ids, message headers of types 0-3, extended timestamps
 * (repeated on type 3 chunks, as FFmpeg and librtmp send them), and the two control messages that
 * belong to this layer, Set Chunk Size and Abort, which are applied here and not returned.
 *
 * <p>Everything a peer declares (chunk size, message length, number of chunk streams) is checked
 * against {@link ChunkLimits} before any memory is taken.
 */
public final class ChunkStreamReader {

    private static final int DEFAULT_CHUNK_SIZE = 128;
    private static final int EXTENDED = 0xFFFFFF;

    private final InputStream in;
    private ChunkLimits limits;
    private final Map<Integer, ChunkStream> streams = new HashMap<>();
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private long pendingBytes;
    private long bytesRead;

    public ChunkStreamReader(InputStream in, ChunkLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Changes the limits for the messages that start from now on (raised once a publish is accepted). */
    public void limits(ChunkLimits limits) {
        this.limits = limits;
    }

    /** Bytes consumed so far (for Acknowledgement messages). */
    public long bytesRead() {
        return bytesRead;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * The next complete message other than Set Chunk Size and Abort.
     *
     * @throws EOFException           the peer closed the connection (cleanly or mid-chunk)
     * @throws RtmpProtocolException  the peer broke the protocol or a limit
     */
    public RtmpMessage read() throws IOException {
        while (true) {
            RtmpMessage message = readChunk();
            if (message == null) {
                continue;
            }
            switch (message.type()) {
                case MessageTypes.SET_CHUNK_SIZE -> chunkSize = checkedChunkSize(message.payload());
                case MessageTypes.ABORT -> abort(message.payload());
                default -> {
                    return message;
                }
            }
        }
    }

    private @Nullable RtmpMessage readChunk() throws IOException {
        int first = u8();
        int format = first >>> 6;
        int chunkStreamId = switch (first & 0x3F) {
            case 0 -> 64 + u8();
            case 1 -> 64 + u8() + (u8() << 8);
            default -> first & 0x3F;
        };
        ChunkStream stream = streams.get(chunkStreamId);
        if (stream == null) {
            if (streams.size() >= limits.maxChunkStreams()) {
                throw new RtmpProtocolException("more than " + limits.maxChunkStreams() + " chunk streams");
            }
            stream = new ChunkStream();
            streams.put(chunkStreamId, stream);
        }
        if (format != 3 && stream.payload != null) {
            throw new RtmpProtocolException("a new message header on chunk stream " + chunkStreamId
                    + " before its previous message was complete");
        }
        switch (format) {
            case 0 -> {
                long timestamp = u24();
                stream.length = u24();
                stream.type = u8();
                stream.messageStreamId = u32LittleEndian();
                stream.extended = timestamp == EXTENDED;
                stream.timestampField = stream.extended ? u32() : timestamp;
                stream.timestamp = stream.timestampField;
            }
            case 1, 2 -> {
                long delta = u24();
                if (format == 1) {
                    stream.length = u24();
                    stream.type = u8();
                }
                stream.extended = delta == EXTENDED;
                stream.timestampField = stream.extended ? u32() : delta;
                stream.timestamp = (stream.timestamp + stream.timestampField) & 0xFFFFFFFFL;
            }
            default -> {
                if (stream.extended) {
                    u32(); // the extended timestamp is repeated on type 3 chunks; the header already carried it
                }
                if (stream.payload == null) {
                    // a new message with every header field of the previous one, timestamp delta included
                    stream.timestamp = (stream.timestamp + stream.timestampField) & 0xFFFFFFFFL;
                }
            }
        }
        if (stream.payload == null) {
            begin(stream);
        }
        int count = Math.min(chunkSize, stream.payload.length - stream.filled);
        readFully(stream.payload, stream.filled, count);
        stream.filled += count;
        if (stream.filled < stream.payload.length) {
            return null;
        }
        byte[] payload = stream.payload;
        stream.payload = null;
        pendingBytes -= payload.length;
        return new RtmpMessage(stream.type, stream.messageStreamId, stream.timestamp, payload);
    }

    private void begin(ChunkStream stream) {
        if (stream.length > limits.maxMessageSize()) {
            throw new RtmpProtocolException("a message of " + stream.length + " bytes, above the limit of "
                    + limits.maxMessageSize());
        }
        if (pendingBytes + stream.length > limits.maxPendingBytes()) {
            throw new RtmpProtocolException("more than " + limits.maxPendingBytes()
                    + " bytes of messages being reassembled at once");
        }
        pendingBytes += stream.length;
        stream.payload = new byte[stream.length];
        stream.filled = 0;
    }

    private int checkedChunkSize(byte[] payload) {
        if (payload.length < 4) {
            throw new RtmpProtocolException("a Set Chunk Size message of " + payload.length + " bytes");
        }
        long size = readU32(payload, 0) & 0x7FFFFFFFL;
        if (size < 1 || size > limits.maxChunkSize()) {
            throw new RtmpProtocolException("a chunk size of " + size + " (accepted: 1 to " + limits.maxChunkSize() + ")");
        }
        return (int) size;
    }

    private void abort(byte[] payload) {
        if (payload.length < 4) {
            throw new RtmpProtocolException("an Abort message of " + payload.length + " bytes");
        }
        long chunkStreamId = readU32(payload, 0);
        ChunkStream stream = chunkStreamId > Integer.MAX_VALUE ? null : streams.get((int) chunkStreamId);
        if (stream != null && stream.payload != null) {
            pendingBytes -= stream.payload.length;
            stream.payload = null;
        }
    }

    static long readU32(byte[] bytes, int offset) {
        return ((long) (bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    private int u8() throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("the peer closed the connection");
        }
        bytesRead++;
        return value;
    }

    private int u24() throws IOException {
        return (u8() << 16) | (u8() << 8) | u8();
    }

    private long u32() throws IOException {
        return ((long) u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    private int u32LittleEndian() throws IOException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("the peer closed the connection inside a chunk");
            }
            done += n;
        }
        bytesRead += length;
    }

    /** The header fields a chunk stream remembers for the compressed headers that follow. */
    private static final class ChunkStream {
        long timestamp;
        long timestampField;
        boolean extended;
        int length;
        int type;
        int messageStreamId;
        byte @Nullable [] payload;
        int filled;
    }
}
