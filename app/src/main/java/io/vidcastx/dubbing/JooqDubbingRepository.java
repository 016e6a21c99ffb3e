package io.vidcastx.dubbing;

import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqDubbingRepository implements DubbingRepository {

    private final DSLContext dsl;

    JooqDubbingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<VideoStatus> videoStatus(OrganizationId organizationId, VideoId videoId) {
        return dsl.select(VIDEOS.STATUS).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(videoId), VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(r -> VideoStatus.fromDb(r.value1()));
    }
}
