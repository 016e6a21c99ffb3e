package io.vidcastx.workers.live.health;

import io.vidcastx.workers.live.rtmp.RtmpProtocolException;

/** The publisher's stream broke a per-stream limit; the connection is closed and the reason shown to the owner. */
public final class IngestLimitExceeded extends RtmpProtocolException {

    public IngestLimitExceeded(String reason) {
        super(reason);
    }
}
