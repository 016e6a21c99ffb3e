package io.vidcastx.workers.live.rtmp;

/**
 * One reassembled RTMP message.
 *
 * @param type      message type id (see {@link MessageTypes})
 * @param streamId  message stream id (0 for the connection, the id {@code createStream} gave for media)
 * @param timestamp milliseconds, 32 bits unsigned, made absolute from the chunk headers' deltas
 */
public record RtmpMessage(int type, int streamId, long timestamp, byte[] payload) {

    @Override
    public String toString() {
        return "RtmpMessage[type=" + type + ", stream=" + streamId + ", timestamp=" + timestamp + ", "
                + payload.length + " bytes]";
    }
}
