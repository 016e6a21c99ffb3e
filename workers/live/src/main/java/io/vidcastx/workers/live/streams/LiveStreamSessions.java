package io.vidcastx.workers.live.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.workers.live.LiveSession;
import io.vidcastx.workers.live.LiveSessionListener;
import io.vidcastx.workers.live.PublishAttempt;
import io.vidcastx.workers.live.PublishAuthorizer;
import io.vidcastx.workers.live.PublishDecision;
import io.vidcastx.workers.live.SessionEnd;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live streams in the database, seen from an ingest node: checks keys and limits at {@code publish},
 * opens or continues the live session, records Mux's events, keeps this node's sessions leased, ends
 * sessions whose reconnect window passed (or whose node died), and hands each finished recording to the
 * transcode pipeline as the session's asset.
 */
public class LiveStreamSessions implements PublishAuthorizer, LiveSessionListener {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamSessions.class);

    private final LiveStreamStore store;
    private final TransactionTemplate transactions;
    private final EventRecorder events;
    private final StorageService storage;
    private final JobQueue queue;
    private final RecordingJoiner joiner;
    private final LiveStreamsProperties settings;
    private final UsageMeter usage;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, LiveHlsUploader> uploaders = new java.util.concurrent.ConcurrentHashMap<>();
    /** This node's publishers, whose ingest health goes to the database with each lease renewal. */
    private final Map<String, LiveSession> publishing = new java.util.concurrent.ConcurrentHashMap<>();

    LiveStreamSessions(LiveStreamStore store, TransactionTemplate transactions, EventRecorder events,
                              StorageService storage, JobQueue queue, RecordingJoiner joiner,
                              LiveStreamsProperties settings, UsageMeter usage) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.storage = storage;
        this.queue = queue;
        this.joiner = joiner;
        this.settings = settings;
        this.usage = usage;
    }

    @Override
    public PublishDecision authorize(PublishAttempt attempt) {
        String keyHash = SecretTokens.sha256Hex(attempt.key().reveal());
        return transactions.execute(status -> {
            var found = store.lockByKeyHash(keyHash);
            if (found.isEmpty()) {
                return PublishDecision.refuse("no live stream has this key");
            }
            var stream = found.get();
            if (stream.status().equals("disabled")) {
                return refuse(stream, "the live stream is disabled");
            }
            var open = store.openSession(stream.id());
            if (open.isPresent()) {
                var session = open.get();
                if (session.status().equals("connected") && session.leaseExpiresAt().isAfter(java.time.OffsetDateTime.now())) {
                    return refuse(stream, "another encoder is already publishing to this live stream");
                }
                store.reconnect(session.id(), nodeId, settings.lease());
                record(stream, "video.live_stream.connected", session.assetId());
                log.info("Live stream {} reconnected within its window: session {} goes on", stream.id(), session.id());
                return PublishDecision.accept(stream.id().toString());
            }
            int publishing = store.publishingInOrganization(stream.organizationId());
            if (publishing >= settings.maxPerOrganization()) {
                return refuse(stream, "the organization already has " + publishing + " live streams publishing (limit "
                        + settings.maxPerOrganization() + ")");
            }
            VideoId asset = null;
            if (stream.recordingPolicy() != null) {
                asset = VideoId.random();
                store.insertRecordingAsset(asset, stream.organizationId(), "Live stream " + LocalDate.now(),
                        UUID.randomUUID().toString().replace("-", ""), stream.recordingPolicy());
            }
            var sessionId = UUID.randomUUID();
            store.insertSession(sessionId, stream, nodeId, asset, settings.lease());
            store.setStatus(stream.id(), "active");
            UUID assetId = asset == null ? null : asset.value();
            record(stream, "video.live_stream.connected", assetId);
            if (assetId != null) {
                record(stream, "video.live_stream.recording", assetId);
            }
            record(stream, "video.live_stream.active", assetId);
            log.info("Live stream {} is active: session {}", stream.id(), sessionId);
            return PublishDecision.accept(stream.id().toString());
        });
    }

    private PublishDecision refuse(LiveStreamStore.StreamRow stream, String reason) {
        store.recordRefusal(stream.id(), reason);
        log.info("Live stream {} refused a publisher: {}", stream.id(), reason);
        return PublishDecision.refuse(reason);
    }

    /** The publisher's live HLS goes to storage as FFmpeg writes it; players follow this connection's folder. */
    @Override
    public void connected(LiveSession ingest) {
        UUID streamId = UUID.fromString(ingest.streamId());
        UUID connectionId = UUID.fromString(ingest.sessionId());
        uploaders.put(ingest.sessionId(), new LiveHlsUploader(storage, ingest.directory(),
                StorageKeys.liveHlsFolder(streamId, connectionId)));
        publishing.put(ingest.sessionId(), ingest);
        transactions.executeWithoutResult(status -> store.setHlsConnection(streamId, nodeId, connectionId));
    }

    /** The publisher left: store its part of the recording, then wait out the reconnect window. */
    @Override
    public void disconnected(LiveSession ingest, SessionEnd end) {
        UUID streamId = UUID.fromString(ingest.streamId());
        publishing.remove(ingest.sessionId());
        end.limitExceeded().ifPresent(limit -> transactions.executeWithoutResult(status ->
                store.recordRefusal(streamId, "the encoder was disconnected: " + limit)));
        var uploader = uploaders.remove(ingest.sessionId());
        if (uploader != null) {
            uploader.finish();
        }
        var open = transactions.execute(status -> store.openSession(streamId))
                .filter(session -> session.nodeId().equals(nodeId) && session.status().equals("connected"));
        if (open.isEmpty()) {
            log.warn("Live session of {} ended but is no longer this node's (its lease ran out)", ingest.logName());
            return;
        }
        var session = open.get();
        boolean stored = false;
        if (session.assetId() != null && end.recording().isPresent()) {
            try {
                storage.uploadFile(partKey(session.id(), session.recordingParts()), end.recording().get(), "video/mp4");
                stored = true;
            } catch (RuntimeException e) {
                log.error("Could not store the recording part of {}", ingest.logName(), e);
            }
        }
        boolean partStored = stored;
        transactions.executeWithoutResult(status -> {
            var stream = store.lockStream(streamId).orElse(null);
            // a disabled stream takes no encoder back: no window, the next sweep ends the session
            var wait = stream == null || stream.status().equals("disabled") ? Duration.ZERO : window(stream);
            if (stream != null && store.markReconnecting(session.id(), nodeId, wait, partStored)) {
                record(stream, "video.live_stream.disconnected", session.assetId());
                meterLiveMinutes(stream, session.id());
            }
        });
        log.info("Live stream {} disconnected ({}); waiting for the encoder to reconnect", streamId, end.reason());
    }

    /** Renews this node's leases, then ends what expired anywhere. Runs on every node, every sweep interval. */
    public void sweep() {
        transactions.executeWithoutResult(status -> {
            store.renewLeases(nodeId, settings.lease());
            for (var ingest : publishing.values()) {
                store.updateHealth(UUID.fromString(ingest.streamId()), nodeId, ingest.meter().health());
            }
        });
        cutOffDisabled();
        List<LiveStreamStore.SessionRow> finished = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (var session : store.lockExpired(50)) {
                var stream = store.lockStream(session.streamId()).orElse(null);
                if (stream == null) {
                    continue;
                }
                if (session.status().equals("connected")) {
                    // Its node stopped renewing: it died or lost the database. The window starts from the lease's end.
                    store.markNodeLost(session.id(), window(stream));
                    record(stream, "video.live_stream.disconnected", session.assetId());
                    meterLiveMinutes(stream, session.id());
                    log.warn("Live stream {} lost its ingest node {}; waiting for the encoder to reconnect",
                            stream.id(), session.nodeId());
                } else {
                    store.endSession(session.id());
                    if (!stream.status().equals("disabled")) {
                        store.setStatus(stream.id(), "idle");
                    }
                    record(stream, "video.live_stream.idle", null);
                    finished.add(session);
                    log.info("Live stream {} is idle: session {} ended", stream.id(), session.id());
                }
            }
        });
        for (var session : finished) {
            storage.deleteFolder(StorageKeys.liveFolder(session.streamId()));
            finishRecording(session);
        }
    }

    /** Mux's disable ends a broadcast in progress: this node's encoders on streams disabled since they connected go. */
    private void cutOffDisabled() {
        if (publishing.isEmpty()) {
            return;
        }
        var streamIds = publishing.values().stream().map(ingest -> UUID.fromString(ingest.streamId())).toList();
        var disabled = transactions.execute(status -> store.disabledAmong(streamIds));
        for (var ingest : publishing.values()) {
            if (disabled.contains(UUID.fromString(ingest.streamId()))) {
                log.info("Live stream {} was disabled: disconnecting its encoder", ingest.streamId());
                ingest.disconnect().accept("the live stream was disabled");
            }
        }
    }

    /** Joins the session's recording parts into the asset's source and enqueues the normal transcode. */
    private void finishRecording(LiveStreamStore.SessionRow session) {
        if (session.assetId() == null) {
            return;
        }
        var asset = new VideoId(session.assetId());
        if (session.recordingParts() == 0) {
            transactions.executeWithoutResult(status -> store.failAsset(asset,
                    "The live stream ended before any recording was stored"));
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("vidcastx-live-recording-");
            List<Path> parts = new ArrayList<>();
            for (int i = 0; i < session.recordingParts(); i++) {
                Path part = work.resolve("part-" + i + ".mp4");
                storage.downloadFile(partKey(session.id(), i), part);
                parts.add(part);
            }
            Path joined = parts.size() == 1 ? parts.getFirst() : joiner.join(parts, work.resolve("joined.mp4"));
            String sourceKey = StorageKeys.rawSource(asset);
            storage.uploadFile(sourceKey, joined, "video/mp4");
            transactions.executeWithoutResult(status -> {
                if (!store.assetExists(asset)) {
                    return;
                }
                store.setAssetSource(asset, sourceKey);
                queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(asset, sourceKey));
                events.record(session.organizationId(), "video.asset.live_stream_completed", "asset", asset.toString(),
                        Map.of("id", asset.toString(), "live_stream_id", session.streamId().toString(), "status", "preparing"));
            });
            for (int i = 0; i < session.recordingParts(); i++) {
                storage.deleteFile(partKey(session.id(), i));
            }
        } catch (IOException | RuntimeException e) {
            log.error("Could not turn the recording of live session {} into its asset", session.id(), e);
            transactions.executeWithoutResult(status -> store.failAsset(asset, "The live recording could not be stored"));
        } finally {
            RecordingJoiner.deleteQuietly(work);
        }
    }

    /**
     * Live minutes of the publisher connection that just ended (cleanly, or with its node: then up to the
     * last lease it renewed), in the transaction that ends it. Keyed by the session and the connection's
     * start, so a connection is metered once however often this runs; the reconnect window is not metered.
     */
    private void meterLiveMinutes(LiveStreamStore.StreamRow stream, UUID sessionId) {
        store.lastConnection(sessionId).ifPresent(connection -> usage.record(stream.organizationId(),
                UsageMetric.LIVE_MINUTES, "live:" + sessionId + ":" + connection.connectedAt().toInstant(),
                connection.minutes()));
    }

    private static Duration window(LiveStreamStore.StreamRow stream) {
        return Duration.ofSeconds(stream.reconnectWindowSeconds());
    }

    /** Recording parts are named after the session, never the stream key. */
    static String partKey(UUID sessionId, int part) {
        return StorageKeys.liveRecordingPart(sessionId, part);
    }

    private void record(LiveStreamStore.StreamRow stream, String type, @Nullable UUID assetId) {
        events.record(stream.organizationId(), type, "live", stream.id().toString(), payload(stream, type, assetId));
    }

    private static Map<String, Object> payload(LiveStreamStore.StreamRow stream, String type, @Nullable UUID assetId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", stream.id().toString());
        data.put("status", switch (type) {
            case "video.live_stream.idle" -> "idle";
            default -> "active";
        });
        data.put("reconnect_window", stream.reconnectWindowSeconds());
        if (assetId != null) {
            data.put("active_asset_id", assetId.toString());
        }
        return data;
    }
}
