package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.PLAYBACK_IDS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Optional;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqPlaybackRepository implements PlaybackRepository {

    private final DSLContext dsl;

    JooqPlaybackRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<PlaybackService.Playable> findPlayable(String playbackId) {
        var primary = dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.PLAYBACK_POLICY, VIDEOS.DURATION_SECONDS,
                        VIDEOS.WIDTH)
                .from(VIDEOS)
                .where(VIDEOS.PLAYBACK_ID.eq(playbackId).and(VIDEOS.STATUS.eq(VideoStatus.READY.dbValue())))
                .fetchOptional(r -> new PlaybackService.Playable(r.value1(), r.value2(), PlaybackPolicy.fromDb(r.value3()),
                        r.value4(), r.value5() != null));
        if (primary.isPresent()) {
            return primary;
        }
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, PLAYBACK_IDS.POLICY, VIDEOS.DURATION_SECONDS, VIDEOS.WIDTH)
                .from(PLAYBACK_IDS).join(VIDEOS).on(VIDEOS.VIDEO_ID.eq(PLAYBACK_IDS.VIDEO_ID))
                .where(PLAYBACK_IDS.PLAYBACK_ID.eq(playbackId).and(VIDEOS.STATUS.eq(VideoStatus.READY.dbValue())))
                .fetchOptional(r -> new PlaybackService.Playable(r.value1(), r.value2(), PlaybackPolicy.fromDb(r.value3()),
                        r.value4(), r.value5() != null))
                .or(() -> findLive(playbackId));
    }

    @Override
    public Optional<PlaybackService.Playable> findReady(OrganizationId organization, VideoId video) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.PLAYBACK_POLICY, VIDEOS.DURATION_SECONDS,
                        VIDEOS.WIDTH)
                .from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(video).and(VIDEOS.ORGANIZATION_ID.eq(organization))
                        .and(VIDEOS.STATUS.eq(VideoStatus.READY.dbValue())))
                .fetchOptional(r -> new PlaybackService.Playable(r.value1(), r.value2(), PlaybackPolicy.fromDb(r.value3()),
                        r.value4(), r.value5() != null));
    }

    /** A live stream's playback id plays while a publisher's HLS is in storage (during the reconnect window too). */
    private Optional<PlaybackService.Playable> findLive(String playbackId) {
        return dsl.select(LIVE_SESSIONS.LIVE_STREAM_ID, LIVE_SESSIONS.ORGANIZATION_ID, PLAYBACK_IDS.POLICY,
                        LIVE_SESSIONS.HLS_CONNECTION_ID)
                .from(PLAYBACK_IDS).join(LIVE_SESSIONS).on(LIVE_SESSIONS.LIVE_STREAM_ID.eq(PLAYBACK_IDS.LIVE_STREAM_ID))
                .where(PLAYBACK_IDS.PLAYBACK_ID.eq(playbackId).and(LIVE_SESSIONS.STATUS.ne("ended"))
                        .and(LIVE_SESSIONS.HLS_CONNECTION_ID.isNotNull()))
                .fetchOptional(r -> new PlaybackService.Playable(new VideoId(r.value1()), r.value2(),
                        PlaybackPolicy.fromDb(r.value3()), null, true, StorageKeys.liveHlsFolder(r.value1(), r.value4()), true));
    }
}
