package io.vidcastx.workers.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.rtmp.RtmpServer;

/** A running ingest node: the RTMP listener and the sessions it admitted. */
public final class LiveIngestNode implements AutoCloseable {

    private final LiveIngest ingest;
    private final RtmpServer server;

    private LiveIngestNode(LiveIngest ingest, RtmpServer server) {
        this.ingest = ingest;
        this.server = server;
    }

    /** Binds the RTMP port and starts accepting publishers. */
    public static LiveIngestNode start(LiveProperties properties, PublishAuthorizer authorizer,
                                       LiveSessionListener listener, FfmpegLauncher launcher) {
        var ingest = new LiveIngest(properties, authorizer, listener, launcher);
        try {
            return new LiveIngestNode(ingest, RtmpServer.start(properties.rtmpSettings(), ingest));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for RTMP on " + properties.bindAddress() + ":"
                    + properties.rtmpPort(), e);
        }
    }

    public int rtmpPort() {
        return server.port();
    }

    public List<LiveSession> activeSessions() {
        return ingest.activeSessions();
    }

    /** TCP connections open now, handshaking or publishing. */
    public int connectionCount() {
        return server.connectionCount();
    }

    /** Closes every connection; their sessions end (FFmpeg finishes its playlists) before this returns. */
    @Override
    public void close() {
        server.close();
        ingest.killAll();
    }
}
