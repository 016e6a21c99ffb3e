package io.vidcastx.workers.live.rtmp;

/**
 * Receives one publishing session's data, in arrival order, on the connection's thread. A sink that
 * cannot keep up throws {@link RtmpProtocolException}, which drops the publisher: the connection
 * never buffers on its behalf.
 */
public interface MediaSink {

    /**
     * An audio, video or script data message (FLV tag types 8, 9 and 18 are RTMP's message types).
     * A script payload is re-encoded as {@code "onMetaData", {...}}, without {@code @setDataFrame}.
     */
    void accept(int type, long timestamp, byte[] payload);

    /** The session is over (unpublish, disconnect, timeout or error); called exactly once. */
    void close(String reason);
}
