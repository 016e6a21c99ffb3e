package io.vidcastx.workers.live.rtmp;

import java.time.Duration;

/**
 * @param bindAddress       address to listen on ({@code 0.0.0.0} for every interface)
 * @param port              TCP port (1935 is RTMP's; 0 picks a free one, for tests)
 * @param app               the application name publishers connect to ({@code rtmp://host/app/KEY})
 * @param maxConnections    connections open at once, handshaking or publishing; more are closed at once
 * @param handshakeTimeout  the whole handshake must arrive within this (defeats one-byte-a-second peers)
 * @param publishTimeout    from accept to an accepted {@code publish}
 * @param idleTimeout       longest silence on a connection, before or after {@code publish}
 * @param limits            what the chunk reader may be made to hold
 */
public record RtmpServerSettings(String bindAddress, int port, String app, int maxConnections,
                                 Duration handshakeTimeout, Duration publishTimeout, Duration idleTimeout,
                                 ChunkLimits limits) {

    public RtmpServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("RTMP port " + port);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
    }
}
