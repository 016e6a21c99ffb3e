package io.vidcastx.workers.live.rtmp;

/** AMF0 bytes that cannot be decoded (or a value that cannot be encoded). */
public final class AmfException extends RtmpProtocolException {

    public AmfException(String reason) {
        super(reason);
    }
}
