package io.vidcastx.live;

import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.LIVE_STREAMS;
import static io.vidcastx.db.jooq.Tables.PLAYBACK_IDS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.jooq.tables.records.LiveStreamsRecord;
import io.vidcastx.videos.PlaybackIdInfo;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Live streams, their playback IDs and sessions; every query scoped to the caller's organization. */
@Repository
class LiveStreamRepository {

    private final DSLContext dsl;

    LiveStreamRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(UUID id, OrganizationId organizationId, String keyHash, String keyCiphertext,
                @Nullable String recordingPolicy, int reconnectWindowSeconds) {
        dsl.insertInto(LIVE_STREAMS).set(LIVE_STREAMS.LIVE_STREAM_ID, id).set(LIVE_STREAMS.ORGANIZATION_ID, organizationId)
                .set(LIVE_STREAMS.STREAM_KEY_HASH, keyHash).set(LIVE_STREAMS.STREAM_KEY_CIPHERTEXT, keyCiphertext)
                .set(LIVE_STREAMS.RECORDING_POLICY, recordingPolicy)
                .set(LIVE_STREAMS.RECONNECT_WINDOW_SECONDS, reconnectWindowSeconds).execute();
    }

    List<LiveStream> page(OrganizationId organizationId, int offset, int limit) {
        var rows = dsl.selectFrom(LIVE_STREAMS).where(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(LIVE_STREAMS.CREATED_AT.desc(), LIVE_STREAMS.LIVE_STREAM_ID).offset(offset).limit(limit).fetch();
        return rows.stream().map(row -> stream(organizationId, row)).toList();
    }

    Optional<LiveStream> find(OrganizationId organizationId, UUID id) {
        return dsl.selectFrom(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(id)
                        .and(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional().map(row -> stream(organizationId, row));
    }

    Optional<String> keyCiphertext(OrganizationId organizationId, UUID id) {
        return dsl.select(LIVE_STREAMS.STREAM_KEY_CIPHERTEXT).from(LIVE_STREAMS)
                .where(LIVE_STREAMS.LIVE_STREAM_ID.eq(id).and(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional(LIVE_STREAMS.STREAM_KEY_CIPHERTEXT);
    }

    boolean replaceKey(OrganizationId organizationId, UUID id, String keyHash, String keyCiphertext) {
        return dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.STREAM_KEY_HASH, keyHash)
                .set(LIVE_STREAMS.STREAM_KEY_CIPHERTEXT, keyCiphertext).set(LIVE_STREAMS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LIVE_STREAMS.LIVE_STREAM_ID.eq(id).and(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    /** Disabling keeps the stream's other state; enabling returns it to idle, or active while a session is open. */
    boolean setEnabled(OrganizationId organizationId, UUID id, boolean enabled) {
        var open = DSL.exists(DSL.selectOne().from(LIVE_SESSIONS).where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(id)
                .and(LIVE_SESSIONS.STATUS.ne("ended"))));
        var status = enabled ? DSL.when(open, "active").otherwise("idle") : DSL.inline("disabled");
        return dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.STATUS, status).set(LIVE_STREAMS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(LIVE_STREAMS.LIVE_STREAM_ID.eq(id).and(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    /** Ends the reconnect window of a session whose encoder has left: a sweep ends it at once. */
    boolean closeReconnectWindow(OrganizationId organizationId, UUID id) {
        return dsl.update(LIVE_SESSIONS).set(LIVE_SESSIONS.LEASE_EXPIRES_AT, DSL.currentOffsetDateTime())
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(id).and(LIVE_SESSIONS.ORGANIZATION_ID.eq(organizationId))
                        .and(LIVE_SESSIONS.STATUS.eq("reconnecting"))).execute() == 1;
    }

    /** Deletes the stream; the recording of a broadcast in progress can no longer finish, so its video fails. */
    boolean delete(OrganizationId organizationId, UUID id) {
        dsl.update(VIDEOS).set(VIDEOS.STATUS, VideoStatus.FAILED.dbValue())
                .set(VIDEOS.ERROR_REASON, "The live stream was deleted during the broadcast")
                .where(VIDEOS.ORGANIZATION_ID.eq(organizationId).and(VIDEOS.STATUS.eq(VideoStatus.PROCESSING.dbValue()))
                        .and(DSL.field(VIDEOS.VIDEO_ID.getQualifiedName(), UUID.class).in(DSL.select(LIVE_SESSIONS.ASSET_ID).from(LIVE_SESSIONS)
                                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(id).and(LIVE_SESSIONS.STATUS.ne("ended"))))))
                .execute();
        return dsl.deleteFrom(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(id)
                .and(LIVE_STREAMS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    void addPlaybackId(OrganizationId organizationId, UUID id, String playbackId, String policy) {
        dsl.insertInto(PLAYBACK_IDS).set(PLAYBACK_IDS.PLAYBACK_ID, playbackId).set(PLAYBACK_IDS.LIVE_STREAM_ID, id)
                .set(PLAYBACK_IDS.ORGANIZATION_ID, organizationId).set(PLAYBACK_IDS.POLICY, policy).execute();
    }

    boolean removePlaybackId(OrganizationId organizationId, UUID id, String playbackId) {
        return dsl.deleteFrom(PLAYBACK_IDS).where(PLAYBACK_IDS.PLAYBACK_ID.eq(playbackId)
                .and(PLAYBACK_IDS.LIVE_STREAM_ID.eq(id)).and(PLAYBACK_IDS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    private LiveStream stream(OrganizationId organizationId, LiveStreamsRecord row) {
        UUID id = row.getLiveStreamId();
        var playbackIds = dsl.select(PLAYBACK_IDS.PLAYBACK_ID, PLAYBACK_IDS.POLICY).from(PLAYBACK_IDS)
                .where(PLAYBACK_IDS.LIVE_STREAM_ID.eq(id).and(PLAYBACK_IDS.ORGANIZATION_ID.eq(organizationId)))
                .orderBy(PLAYBACK_IDS.CREATED_AT).fetch(r -> new PlaybackIdInfo(r.value1(), r.value2()));
        var sessions = dsl.selectFrom(LIVE_SESSIONS)
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(id).and(LIVE_SESSIONS.ORGANIZATION_ID.eq(organizationId)))
                .orderBy(LIVE_SESSIONS.STARTED_AT.desc()).limit(20).fetch();
        var open = sessions.stream().filter(s -> !s.getStatus().equals("ended")).findFirst();
        List<UUID> recent = sessions.stream().filter(s -> s.getStatus().equals("ended") && s.getAssetId() != null)
                .map(s -> s.getAssetId()).toList();
        var health = open.filter(s -> s.getStatus().equals("connected"))
                .map(s -> new LiveStream.Health(s.getVideoKbps(), s.getFrameRate(), s.getWidth(), s.getHeight(),
                        s.getDroppedFrames()))
                .orElse(null);
        return new LiveStream(id, row.getStatus(), row.getRecordingPolicy(), row.getReconnectWindowSeconds(), playbackIds,
                open.map(s -> s.getAssetId()).orElse(null), recent, row.getLastRefusal(), row.getLastRefusedAt(),
                open.map(s -> s.getStartedAt()).orElse(null), health, row.getCreatedAt());
    }
}
