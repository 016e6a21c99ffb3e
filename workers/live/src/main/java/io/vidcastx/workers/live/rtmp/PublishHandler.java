package io.vidcastx.workers.live.rtmp;

import java.util.function.Consumer;

/** Decides what happens to a {@code publish}: the RTMP layer knows nothing about keys or FFmpeg. */
@FunctionalInterface
public interface PublishHandler {

    /**
     * Called on the connection's thread; may block (a database lookup).
     *
     * @param disconnect closes the publisher's connection with a reason, from any thread (for a
     *                   pipeline that fails or falls behind asynchronously)
     */
    PublishResult publish(PublishRequest request, Consumer<String> disconnect);
}
