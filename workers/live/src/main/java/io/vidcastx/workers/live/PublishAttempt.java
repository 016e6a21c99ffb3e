package io.vidcastx.workers.live;

import java.net.InetSocketAddress;

/** A publisher asking to go live with a key. */
public record PublishAttempt(StreamKey key, InetSocketAddress remote) {
}
