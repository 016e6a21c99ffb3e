package io.vidcastx.workers.publisher;

import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The publisher's view of videos: where the original upload of a video is, when it has no MP4. */
@Repository
class PublishSourceRepository {

    private final DSLContext dsl;

    PublishSourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The storage key of the video's original upload, within its organization. */
    Optional<String> sourceKey(OrganizationId organizationId, VideoId videoId) {
        return dsl.select(VIDEOS.SOURCE_KEY).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(videoId), VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(VIDEOS.SOURCE_KEY);
    }
}
