package io.vidcastx.workers.transcode;

import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The worker's view of videos: what to transcode, and where results are recorded. */
@Repository
class TranscodeVideoRepository {

    private final DSLContext dsl;

    TranscodeVideoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record VideoToTranscode(VideoId id, OrganizationId organizationId, VideoStatus status, String playbackId,
                            String playbackPolicy, OffsetDateTime createdAt) {
    }

    /** A finished rendition as stored. */
    record StoredRendition(String name, String kind, int width, int height, long peakBandwidth,
                           long averageBandwidth, String codecs, double frameRate, String playlistKey) {
    }

    Optional<VideoToTranscode> find(VideoId id) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.STATUS, VIDEOS.PLAYBACK_ID,
                        VIDEOS.PLAYBACK_POLICY, VIDEOS.CREATED_AT)
                .from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(id))
                .fetchOptional(r -> new VideoToTranscode(r.value1(), r.value2(), VideoStatus.fromDb(r.value3()), r.value4(),
                        r.value5(), r.value6()));
    }

    boolean exists(VideoId id) {
        return dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id));
    }

    void updateProgress(VideoId id, int percent) {
        dsl.update(VIDEOS)
                .set(VIDEOS.PROGRESS, percent)
                .where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.STATUS.eq(VideoStatus.PROCESSING.dbValue())))
                .execute();
    }

    /** Records the source's facts as soon as they are known, before the ladder is done. */
    void updateSourceFacts(VideoId id, Double durationSeconds, Integer width, Integer height, String aspectRatio,
                           Double frameRate, boolean hasAudio, long sizeBytes) {
        dsl.update(VIDEOS)
                .set(VIDEOS.DURATION_SECONDS, durationSeconds)
                .set(VIDEOS.WIDTH, width)
                .set(VIDEOS.HEIGHT, height)
                .set(VIDEOS.ASPECT_RATIO, aspectRatio)
                .set(VIDEOS.FRAME_RATE, frameRate)
                .set(VIDEOS.HAS_AUDIO, hasAudio)
                .set(VIDEOS.SIZE_BYTES, sizeBytes)
                .set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VIDEOS.VIDEO_ID.eq(id))
                .execute();
    }

    /** @return false when the video no longer exists (deleted while it was being transcoded) */
    boolean markReady(VideoId id, OrganizationId organizationId, List<StoredRendition> renditions, long outputBytes) {
        int updated = dsl.update(VIDEOS)
                .set(VIDEOS.STATUS, VideoStatus.READY.dbValue())
                .set(VIDEOS.OUTPUT_BYTES, outputBytes)
                .set(VIDEOS.PROGRESS, 100)
                .set(VIDEOS.ERROR_REASON, (String) null)
                .set(VIDEOS.READY_AT, DSL.currentOffsetDateTime())
                .set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1))
                .where(VIDEOS.VIDEO_ID.eq(id))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(RENDITIONS).where(RENDITIONS.VIDEO_ID.eq(id)).execute();
        for (var rendition : renditions) {
            dsl.insertInto(RENDITIONS)
                    .set(RENDITIONS.RENDITION_ID, RenditionId.random())
                    .set(RENDITIONS.VIDEO_ID, id)
                    .set(RENDITIONS.ORGANIZATION_ID, organizationId)
                    .set(RENDITIONS.NAME, rendition.name())
                    .set(RENDITIONS.KIND, rendition.kind())
                    .set(RENDITIONS.WIDTH, rendition.width() > 0 ? rendition.width() : null)
                    .set(RENDITIONS.HEIGHT, rendition.height() > 0 ? rendition.height() : null)
                    .set(RENDITIONS.BANDWIDTH_BPS, (int) rendition.peakBandwidth())
                    .set(RENDITIONS.AVERAGE_BANDWIDTH_BPS, (int) rendition.averageBandwidth())
                    .set(RENDITIONS.CODECS, rendition.codecs())
                    .set(RENDITIONS.FRAME_RATE, rendition.frameRate() > 0 ? rendition.frameRate() : null)
                    .set(RENDITIONS.PLAYLIST_KEY, rendition.playlistKey())
                    .execute();
        }
        return true;
    }

    /** @return false when the video no longer exists */
    boolean markFailed(VideoId id, String reason) {
        return dsl.update(VIDEOS)
                .set(VIDEOS.STATUS, VideoStatus.FAILED.dbValue())
                .set(VIDEOS.ERROR_REASON, reason)
                .set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1))
                .where(VIDEOS.VIDEO_ID.eq(id))
                .execute() == 1;
    }
}
