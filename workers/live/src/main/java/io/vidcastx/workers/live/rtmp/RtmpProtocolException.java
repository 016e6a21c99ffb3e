package io.vidcastx.workers.live.rtmp;

/**
 * The peer broke the protocol or a limit; the connection is closed and {@link #getMessage()} is the
 * reason logged for it (never containing the stream key).
 */
public class RtmpProtocolException extends RuntimeException {

    public RtmpProtocolException(String reason) {
        super(reason);
    }
}
