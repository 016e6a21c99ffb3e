package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.PLAYBACK_IDS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
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
                        r.value4(), r.value5() != null));
    }
}
