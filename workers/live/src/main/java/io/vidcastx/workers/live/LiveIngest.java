package io.vidcastx.workers.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.vidcastx.workers.live.health.IngestMeter;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.hls.LivePipeline;
import io.vidcastx.workers.live.rtmp.PublishHandler;
import io.vidcastx.workers.live.rtmp.PublishRequest;
import io.vidcastx.workers.live.rtmp.PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits publishers: a plausible key, accepted by the {@link PublishAuthorizer}, for a stream not
 * already live, within this node's publisher limit. Each admitted session gets its own working
 * directory ({@code <work dir>/<stream id>/<session id>}) and FFmpeg pipeline.
 */
public final class LiveIngest implements PublishHandler {

    private static final Logger log = LoggerFactory.getLogger(LiveIngest.class);

    static final String BAD_NAME = "NetStream.Publish.BadName";
    static final String REJECTED = "NetStream.Publish.Rejected";

    private final LiveProperties properties;
    private final PublishAuthorizer authorizer;
    private final LiveSessionListener listener;
    private final FfmpegLauncher launcher;
    private final Map<String, ActiveSession> active = new ConcurrentHashMap<>();

    public LiveIngest(LiveProperties properties, PublishAuthorizer authorizer, LiveSessionListener listener,
                      FfmpegLauncher launcher) {
        this.properties = properties;
        this.authorizer = authorizer;
        this.listener = listener;
        this.launcher = launcher;
    }

    /** The sessions publishing now. */
    public List<LiveSession> activeSessions() {
        return active.values().stream().map(ActiveSession::session).toList();
    }

    @Override
    public PublishResult publish(PublishRequest request, Consumer<String> disconnect) {
        Optional<StreamKey> key = StreamKey.fromPublishingName(request.streamName());
        if (key.isEmpty()) {
            return badName("the publishing name is not a stream key");
        }
        if (active.size() >= properties.maxPublishers()) {
            return atCapacity();
        }
        PublishDecision decision = authorizer.authorize(new PublishAttempt(key.get(), request.remote()));
        return switch (decision) {
            case PublishDecision.Refused refused -> badName("key " + key.get().shortHash() + " refused: " + refused.reason());
            case PublishDecision.Accepted accepted -> admit(accepted.streamId(), request, disconnect);
        };
    }

    private PublishResult admit(String streamId, PublishRequest request, Consumer<String> disconnect) {
        ActiveSession admitted;
        synchronized (active) {
            if (active.containsKey(streamId)) {
                return badName("stream " + streamId + " is already live from another publisher");
            }
            if (active.size() >= properties.maxPublishers()) {
                return atCapacity();
            }
            String sessionId = UUID.randomUUID().toString();
            Path directory = properties.sessionsDir().resolve(streamId).resolve(sessionId);
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                log.error("Cannot create the live session directory {}", directory, e);
                return new PublishResult.Refused("NetStream.Publish.Failed", "The server could not start the stream.",
                        "no working directory: " + e);
            }
            var session = new LiveSession(streamId, sessionId, directory, request.remote(), Instant.now(),
                    new IngestMeter(properties.limits()), disconnect);
            var pipeline = new LivePipeline(properties.hlsSettings(), launcher, directory,
                    properties.maxBufferedMedia().toBytes(), properties.stopTimeout(), session.logName(), disconnect);
            admitted = new ActiveSession(session, pipeline, this::ended);
            active.put(streamId, admitted);
        }
        try {
            listener.connected(admitted.session());
        } catch (RuntimeException e) {
            log.warn("The live session listener failed on connect of {}", admitted.session().logName(), e);
        }
        return new PublishResult.Started(admitted, admitted.session().logName());
    }

    private void ended(ActiveSession session, SessionEnd end) {
        active.remove(session.session().streamId(), session);
        try {
            listener.disconnected(session.session(), end);
        } catch (RuntimeException e) {
            log.warn("The live session listener failed on disconnect of {}", session.session().logName(), e);
        }
    }

    /** Kills every session's FFmpeg (the node is stopping and the connections did not end in time). */
    void killAll() {
        active.values().forEach(ActiveSession::kill);
    }

    private static PublishResult badName(String reason) {
        return new PublishResult.Refused(BAD_NAME, "Stream key refused.", reason);
    }

    private PublishResult atCapacity() {
        return new PublishResult.Refused(REJECTED, "This ingest node is full; try again later.",
                "the node already has " + properties.maxPublishers() + " publishers");
    }
}
