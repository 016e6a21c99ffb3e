package io.vidcastx.workers.live;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import io.vidcastx.workers.live.health.IngestMeter;

/**
 * One publishing session: from an accepted {@code publish} to the end of the connection.
 *
 * @param streamId   the live stream (from the {@link PublishAuthorizer})
 * @param sessionId  this session; also the name of its working directory
 * @param directory  where FFmpeg writes {@code master.m3u8}, {@code <rung>/index.m3u8}, the segments
 *                   and the recording
 * @param meter      what the ingest measures of the publisher's stream (its health)
 * @param disconnect closes the publisher's connection with a reason (the stream was disabled); the
 *                   session then ends as after any disconnect
 */
public record LiveSession(String streamId, String sessionId, Path directory, InetSocketAddress remote,
                          Instant startedAt, IngestMeter meter, Consumer<String> disconnect) {

    /** How the session appears in log lines: the stream id and the session, never the key. */
    public String logName() {
        return streamId + "/" + sessionId;
    }
}
