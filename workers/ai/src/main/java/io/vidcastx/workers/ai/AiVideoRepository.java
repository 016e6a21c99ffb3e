package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The AI worker's view of videos: what to transcribe and where its media is. */
@Repository
class AiVideoRepository {

    private final DSLContext dsl;

    AiVideoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record VideoToTranscribe(VideoId id, OrganizationId organizationId, VideoStatus status, @Nullable Boolean hasAudio,
                             @Nullable Double durationSeconds, @Nullable String sourceKey) {
    }

    Optional<VideoToTranscribe> find(VideoId id) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.STATUS, VIDEOS.HAS_AUDIO,
                        VIDEOS.DURATION_SECONDS, VIDEOS.SOURCE_KEY)
                .from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(id))
                .fetchOptional(r -> new VideoToTranscribe(r.value1(), r.value2(), VideoStatus.fromDb(r.value3()), r.value4(), r.value5(),
                        r.value6()));
    }

    /** When the job was queued: edits made after that are newer than what the job makes. */
    OffsetDateTime queuedAt(JobId job) {
        return dsl.select(JOBS.CREATED_AT).from(JOBS).where(JOBS.JOB_ID.eq(job)).fetchSingle(JOBS.CREATED_AT);
    }

    boolean exists(VideoId id) {
        return dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id));
    }

    /** The storage key of one HLS rendition playlist of the video (its segments share one timeline). */
    Optional<String> renditionPlaylistKey(VideoId id) {
        return dsl.select(RENDITIONS.PLAYLIST_KEY).from(RENDITIONS)
                .where(RENDITIONS.VIDEO_ID.eq(id))
                .orderBy(RENDITIONS.NAME)
                .limit(1)
                .fetchOptional(RENDITIONS.PLAYLIST_KEY);
    }
}
