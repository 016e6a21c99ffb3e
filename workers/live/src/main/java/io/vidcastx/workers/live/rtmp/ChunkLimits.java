package io.vidcastx.workers.live.rtmp;

/**
 * What one connection may make the chunk reader hold.
 *
 * @param maxChunkSize      largest Set Chunk Size accepted from the peer (encoders use 4096)
 * @param maxMessageSize    largest single message (a video key frame is the big one)
 * @param maxChunkStreams   distinct chunk stream ids one connection may use (encoders use 3 to 6)
 * @param maxPendingBytes   sum of the declared sizes of messages being reassembled at once; each is
 *                          allocated whole when its first chunk arrives, so this bounds the memory
 */
public record ChunkLimits(int maxChunkSize, int maxMessageSize, int maxChunkStreams, int maxPendingBytes) {

    public ChunkLimits {
        if (maxChunkSize < 128 || maxMessageSize < 1024 || maxChunkStreams < 2 || maxPendingBytes < maxMessageSize) {
            throw new IllegalArgumentException("Chunk limits too small to carry an ordinary stream");
        }
    }

    /**
     * The limits until a publish is accepted: commands are small, so a connection that has not shown
     * a valid key can make the server hold a few kilobytes, not a key frame's worth.
     */
    public ChunkLimits beforePublish() {
        int message = Math.min(maxMessageSize, 64 * 1024);
        return new ChunkLimits(maxChunkSize, message, Math.min(maxChunkStreams, 8), 2 * message);
    }
}
