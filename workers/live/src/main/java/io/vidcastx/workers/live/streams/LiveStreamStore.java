package io.vidcastx.workers.live.streams;

import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.LIVE_STREAMS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.workers.live.health.IngestHealth;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The ingest node's reads and writes of live streams and sessions. Call inside a transaction. */
@Repository
class LiveStreamStore {

    private final DSLContext dsl;

    LiveStreamStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    record StreamRow(UUID id, OrganizationId organizationId, String status, @Nullable String recordingPolicy,
                     int reconnectWindowSeconds) {
    }

    record SessionRow(UUID id, UUID streamId, OrganizationId organizationId, String status, String nodeId,
                      @Nullable UUID assetId, int recordingParts, OffsetDateTime leaseExpiresAt) {
    }

    /** The stream with this key hash, locked until the transaction ends (two publishers queue here). */
    Optional<StreamRow> lockByKeyHash(String keyHash) {
        return dsl.select(LIVE_STREAMS.LIVE_STREAM_ID, LIVE_STREAMS.ORGANIZATION_ID, LIVE_STREAMS.STATUS,
                        LIVE_STREAMS.RECORDING_POLICY, LIVE_STREAMS.RECONNECT_WINDOW_SECONDS)
                .from(LIVE_STREAMS).where(LIVE_STREAMS.STREAM_KEY_HASH.eq(keyHash)).forUpdate()
                .fetchOptional(r -> new StreamRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    Optional<StreamRow> lockStream(UUID streamId) {
        return dsl.select(LIVE_STREAMS.LIVE_STREAM_ID, LIVE_STREAMS.ORGANIZATION_ID, LIVE_STREAMS.STATUS,
                        LIVE_STREAMS.RECORDING_POLICY, LIVE_STREAMS.RECONNECT_WINDOW_SECONDS)
                .from(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(streamId)).forUpdate()
                .fetchOptional(r -> new StreamRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    Optional<SessionRow> openSession(UUID streamId) {
        return dsl.selectFrom(LIVE_SESSIONS)
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(streamId).and(LIVE_SESSIONS.STATUS.ne("ended")))
                .fetchOptional(LiveStreamStore::session);
    }

    /** Sessions of the organization with a publisher on some node right now. */
    int publishingInOrganization(OrganizationId organizationId) {
        return dsl.fetchCount(LIVE_SESSIONS, LIVE_SESSIONS.ORGANIZATION_ID.eq(organizationId)
                .and(LIVE_SESSIONS.STATUS.eq("connected")).and(LIVE_SESSIONS.LEASE_EXPIRES_AT.gt(DSL.currentOffsetDateTime())));
    }

    void recordRefusal(UUID streamId, String reason) {
        dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.LAST_REFUSAL, reason)
                .set(LIVE_STREAMS.LAST_REFUSED_AT, DSL.currentOffsetDateTime())
                .where(LIVE_STREAMS.LIVE_STREAM_ID.eq(streamId)).execute();
    }

    void setStatus(UUID streamId, String status) {
        dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.STATUS, status).set(LIVE_STREAMS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LIVE_STREAMS.LIVE_STREAM_ID.eq(streamId).and(LIVE_STREAMS.STATUS.ne("disabled"))).execute();
    }

    void insertSession(UUID sessionId, StreamRow stream, String nodeId, @Nullable VideoId assetId, Duration lease) {
        dsl.insertInto(LIVE_SESSIONS)
                .set(LIVE_SESSIONS.LIVE_SESSION_ID, sessionId)
                .set(LIVE_SESSIONS.LIVE_STREAM_ID, stream.id())
                .set(LIVE_SESSIONS.ORGANIZATION_ID, stream.organizationId())
                .set(LIVE_SESSIONS.STATUS, "connected")
                .set(LIVE_SESSIONS.NODE_ID, nodeId)
                .set(LIVE_SESSIONS.ASSET_ID, assetId == null ? null : assetId.value())
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, leaseFromNow(lease))
                .execute();
    }

    /** A publisher came back within the window (or took over from a dead node): the session goes on. */
    void reconnect(UUID sessionId, String nodeId, Duration lease) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.STATUS, "connected").set(LIVE_SESSIONS.NODE_ID, nodeId)
                .set(LIVE_SESSIONS.DISCONNECTED_AT, (OffsetDateTime) null)
                .set(LIVE_SESSIONS.CONNECTED_AT, DSL.currentOffsetDateTime())
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, leaseFromNow(lease))
                .where(LIVE_SESSIONS.LIVE_SESSION_ID.eq(sessionId)).execute();
    }

    /** The publisher left: the session waits out the reconnect window (its lease becomes the window's end). */
    boolean markReconnecting(UUID sessionId, String nodeId, Duration window, boolean partStored) {
        return dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.STATUS, "reconnecting")
                .set(LIVE_SESSIONS.DISCONNECTED_AT, DSL.currentOffsetDateTime())
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, leaseFromNow(window))
                .set(LIVE_SESSIONS.RECORDING_PARTS, partStored ? LIVE_SESSIONS.RECORDING_PARTS.plus(1) : LIVE_SESSIONS.RECORDING_PARTS)
                .where(LIVE_SESSIONS.LIVE_SESSION_ID.eq(sessionId).and(LIVE_SESSIONS.NODE_ID.eq(nodeId))
                        .and(LIVE_SESSIONS.STATUS.eq("connected")))
                .execute() == 1;
    }

    void setHlsConnection(UUID streamId, String nodeId, UUID connectionId) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.HLS_CONNECTION_ID, connectionId)
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(streamId).and(LIVE_SESSIONS.NODE_ID.eq(nodeId))
                        .and(LIVE_SESSIONS.STATUS.eq("connected"))).execute();
    }

    /** Renews the leases of this node's publishing sessions, with their ingest health. */
    void renewLeases(String nodeId, Duration lease) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.LEASE_EXPIRES_AT, leaseFromNow(lease))
                .where(LIVE_SESSIONS.NODE_ID.eq(nodeId).and(LIVE_SESSIONS.STATUS.eq("connected"))).execute();
    }

    /** Which of these streams are disabled now. */
    java.util.Set<UUID> disabledAmong(List<UUID> streamIds) {
        return new java.util.HashSet<>(dsl.select(LIVE_STREAMS.LIVE_STREAM_ID).from(LIVE_STREAMS)
                .where(LIVE_STREAMS.LIVE_STREAM_ID.in(streamIds).and(LIVE_STREAMS.STATUS.eq("disabled")))
                .fetch(LIVE_STREAMS.LIVE_STREAM_ID));
    }

    /** The ingest's latest figures for the stream's publishing session on this node. */
    void updateHealth(UUID streamId, String nodeId, IngestHealth health) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.VIDEO_KBPS, health.videoKbps())
                .set(LIVE_SESSIONS.FRAME_RATE, health.frameRate()).set(LIVE_SESSIONS.WIDTH, health.width())
                .set(LIVE_SESSIONS.HEIGHT, health.height()).set(LIVE_SESSIONS.DROPPED_FRAMES, health.droppedFrames())
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(streamId).and(LIVE_SESSIONS.NODE_ID.eq(nodeId))
                        .and(LIVE_SESSIONS.STATUS.eq("connected"))).execute();
    }

    /** Sessions whose lease ran out (a dead node's publishers, or windows that closed), locked; others skip them. */
    List<SessionRow> lockExpired(int limit) {
        return dsl.selectFrom(LIVE_SESSIONS)
                .where(LIVE_SESSIONS.STATUS.ne("ended").and(LIVE_SESSIONS.LEASE_EXPIRES_AT.lt(DSL.currentOffsetDateTime())))
                .orderBy(LIVE_SESSIONS.LEASE_EXPIRES_AT).limit(limit).forUpdate().skipLocked()
                .fetch(LiveStreamStore::session);
    }

    /** A publishing session whose node died: it now waits out the window like a clean disconnect. */
    void markNodeLost(UUID sessionId, Duration window) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.STATUS, "reconnecting")
                .set(LIVE_SESSIONS.DISCONNECTED_AT, LIVE_SESSIONS.LEASE_EXPIRES_AT)
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, LIVE_SESSIONS.LEASE_EXPIRES_AT.plus(DayToSecond.valueOf(window)))
                .where(LIVE_SESSIONS.LIVE_SESSION_ID.eq(sessionId)).execute();
    }

    /** The publisher connection that just ended: when it began, and its minutes up to the disconnect. */
    record ConnectionTime(OffsetDateTime connectedAt, double minutes) {
    }

    /** The session's last connection, once it is disconnected (by the database's clock, like the leases). */
    Optional<ConnectionTime> lastConnection(UUID sessionId) {
        var seconds = DSL.field("extract(epoch from ({0} - {1}))", Double.class, LIVE_SESSIONS.DISCONNECTED_AT,
                LIVE_SESSIONS.CONNECTED_AT);
        return dsl.select(LIVE_SESSIONS.CONNECTED_AT, seconds).from(LIVE_SESSIONS)
                .where(LIVE_SESSIONS.LIVE_SESSION_ID.eq(sessionId).and(LIVE_SESSIONS.DISCONNECTED_AT.isNotNull()))
                .fetchOptional(r -> new ConnectionTime(r.value1(), Math.max(0, r.value2()) / 60.0));
    }

    void endSession(UUID sessionId) {
        dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.STATUS, "ended").set(LIVE_SESSIONS.ENDED_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSIONS.LIVE_SESSION_ID.eq(sessionId)).execute();
    }

    /** The recording's video, created when a session starts: processing until the transcode is done. */
    void insertRecordingAsset(VideoId id, OrganizationId organizationId, String title, String playbackId, String policy) {
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organizationId)
                .set(VIDEOS.TITLE, title).set(VIDEOS.PLAYBACK_ID, playbackId).set(VIDEOS.PLAYBACK_POLICY, policy)
                .execute();
    }

    void setAssetSource(VideoId id, String sourceKey) {
        dsl.update(VIDEOS).set(VIDEOS.SOURCE_KEY, sourceKey).set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VIDEOS.VIDEO_ID.eq(id)).execute();
    }

    /** @return false when the video is gone (deleted while live) */
    boolean failAsset(VideoId id, String reason) {
        return dsl.update(VIDEOS).set(VIDEOS.STATUS, VideoStatus.FAILED.dbValue()).set(VIDEOS.ERROR_REASON, reason)
                .set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VIDEOS.VIDEO_ID.eq(id)).execute() == 1;
    }

    boolean assetExists(VideoId id) {
        return dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id));
    }

    /** The database's clock, not this node's: nodes with skewed clocks still agree on leases. */
    private static org.jooq.Field<OffsetDateTime> leaseFromNow(Duration lease) {
        return DSL.currentOffsetDateTime().plus(DayToSecond.valueOf(lease));
    }

    private static SessionRow session(io.vidcastx.db.jooq.tables.records.LiveSessionsRecord r) {
        return new SessionRow(r.getLiveSessionId(), r.getLiveStreamId(), r.getOrganizationId(), r.getStatus(),
                r.getNodeId(), r.getAssetId(), r.getRecordingParts(), r.getLeaseExpiresAt());
    }
}
