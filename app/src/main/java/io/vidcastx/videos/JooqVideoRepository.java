package io.vidcastx.videos;

import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.List;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqVideoRepository implements VideoRepository {

    private final DSLContext dsl;

    JooqVideoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<VideoListItem> list(OrganizationId organizationId, int offset, int limit) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.TITLE, VIDEOS.STATUS, VIDEOS.PROGRESS, VIDEOS.DURATION_SECONDS,
                        VIDEOS.WIDTH, VIDEOS.HEIGHT, VIDEOS.ERROR_REASON, VIDEOS.CREATED_AT)
                .from(VIDEOS)
                .where(VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(VIDEOS.CREATED_AT.desc(), VIDEOS.VIDEO_ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new VideoListItem(r.value1(), r.value2(), VideoStatus.fromDb(r.value3()), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    @Override
    public java.util.Optional<PlayableVideo> findByPlaybackId(String playbackId) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.STATUS, VIDEOS.DURATION_SECONDS, VIDEOS.WIDTH,
                        VIDEOS.HEIGHT)
                .from(VIDEOS)
                .where(VIDEOS.PLAYBACK_ID.eq(playbackId))
                .fetchOptional(r -> new PlayableVideo(r.value1(), r.value2(), VideoStatus.fromDb(r.value3()), r.value4(),
                        r.value5(), r.value6()));
    }

    @Override
    public int count(OrganizationId organizationId) {
        return dsl.fetchCount(VIDEOS, VIDEOS.ORGANIZATION_ID.eq(organizationId));
    }
}
