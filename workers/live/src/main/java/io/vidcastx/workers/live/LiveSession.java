package io.vidcastx.workers.live;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One publishing session: from an accepted {@code publish} to the end of the connection.
 *
 * @param streamId   the live stream (from the {@link PublishAuthorizer})
 * @param sessionId  this session; also the name of its working directory
 * @param directory  where FFmpeg writes {@code master.m3u8}, {@code <rung>/index.m3u8}, the segments
 *                   and the recording
 */
public record LiveSession(String streamId, String sessionId, Path directory, InetSocketAddress remote,
                          Instant startedAt) {

    /** How the session appears in log lines: the stream id and the session, never the key. */
    public String logName() {
        return streamId + "/" + sessionId;
    }
}
