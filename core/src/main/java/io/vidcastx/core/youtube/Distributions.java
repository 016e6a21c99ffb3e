package io.vidcastx.core.youtube;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static io.vidcastx.db.jooq.Tables.VIDEO_DISTRIBUTIONS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.core.database.AfterCommit;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.db.jooq.tables.records.VideoDistributionsRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@code video_distributions} rows, one per (video, channel), and the live announcement of every
 * change (after commit, on {@link DistributionStatusMessage#CHANNEL}). Reads for people take the
 * organization; the worker reads by the id its job carries.
 */
public class Distributions {

    public static final String YOUTUBE = "youtube";

    private final DSLContext dsl;
    private final StatefulRedisConnection<String, String> redis;

    public Distributions(DSLContext dsl, StatefulRedisConnection<String, String> redis) {
        this.dsl = dsl;
        this.redis = redis;
    }

    public Optional<Distribution> find(OrganizationId organization, UUID id) {
        return dsl.selectFrom(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.ORGANIZATION_ID.eq(organization), VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(id))
                .fetchOptional(Distributions::toDistribution);
    }

    /** For the worker, whose job names the distribution (and so its organization). */
    public Optional<Distribution> findForJob(UUID id) {
        return dsl.selectFrom(VIDEO_DISTRIBUTIONS).where(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(id))
                .fetchOptional(Distributions::toDistribution);
    }

    /** The publish history of a video: the latest distribution to each channel, newest first. */
    public List<Distribution> forVideo(OrganizationId organization, VideoId video) {
        return dsl.selectFrom(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.ORGANIZATION_ID.eq(organization), VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video))
                .orderBy(VIDEO_DISTRIBUTIONS.UPDATED_AT.desc())
                .fetch(Distributions::toDistribution);
    }

    public Optional<Distribution> forChannel(OrganizationId organization, VideoId video, String destination,
                                             String channelId) {
        return dsl.selectFrom(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.ORGANIZATION_ID.eq(organization), VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video),
                        VIDEO_DISTRIBUTIONS.DESTINATION.eq(destination), VIDEO_DISTRIBUTIONS.CHANNEL_ID.eq(channelId))
                .fetchOptional(Distributions::toDistribution);
    }

    /**
     * Queues a publish: a new row, or the channel's existing row started over (the caller has asked the
     * person first). Call inside the transaction that enqueues the job.
     */
    public Distribution queue(OrganizationId organization, VideoId video, String destination, String channelId,
                              PublishRequest request, @Nullable UserId createdBy) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var id = forChannel(organization, video, destination, channelId).map(Distribution::id).orElseGet(UUID::randomUUID);
        var record = dsl.newRecord(VIDEO_DISTRIBUTIONS);
        record.setDistributionId(id);
        record.setOrganizationId(organization);
        record.setVideoId(video);
        record.setDestination(destination);
        record.setChannelId(channelId);
        record.setStatus(DistributionStatus.QUEUED.wire());
        record.setProgress(0);
        record.setTitle(request.title());
        record.setDescription(request.description());
        record.setTags(String.join("\n", request.tags()));
        record.setCategoryId(request.categoryId());
        record.setPrivacy(request.privacy());
        record.setPublishAt(request.publishAt());
        record.setMadeForKids(request.madeForKids());
        record.setCaptionLanguages(String.join("\n", request.captionLanguages()));
        record.setThumbnailKey(request.thumbnailKey());
        record.setUploadSessionUrl(null);
        record.setUploadedBytes(0L);
        record.setTotalBytes(null);
        record.setExternalId(null);
        record.setUrl(null);
        record.setError(null);
        record.setCreatedBy(createdBy == null ? null : createdBy.value());
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        dsl.insertInto(VIDEO_DISTRIBUTIONS).set(record)
                .onConflict(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID).doUpdate().set(record)
                .execute();
        announce(organization, video, id, DistributionStatus.QUEUED, 0);
        return find(organization, id).orElseThrow();
    }

    /** The video's status when it belongs to the organization; empty for another organization's or an unknown id. */
    public Optional<String> videoStatus(OrganizationId organization, VideoId video) {
        return dsl.select(VIDEOS.STATUS).from(VIDEOS)
                .where(VIDEOS.ORGANIZATION_ID.eq(organization), VIDEOS.VIDEO_ID.eq(video))
                .fetchOptional(VIDEOS.STATUS);
    }

    public void attachJob(UUID id, JobId job) {
        dsl.update(VIDEO_DISTRIBUTIONS).set(VIDEO_DISTRIBUTIONS.JOB_ID, job).where(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(id))
                .execute();
    }

    /** Persists Google's upload session so a worker that takes the job over resumes it instead of starting over. */
    public void sessionOpened(Distribution distribution, @Nullable String sessionUrl, long totalBytes) {
        dsl.update(VIDEO_DISTRIBUTIONS)
                .set(VIDEO_DISTRIBUTIONS.UPLOAD_SESSION_URL, sessionUrl)
                .set(VIDEO_DISTRIBUTIONS.TOTAL_BYTES, totalBytes)
                .set(VIDEO_DISTRIBUTIONS.UPLOADED_BYTES, 0L)
                .set(VIDEO_DISTRIBUTIONS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(distribution.id()))
                .execute();
    }

    /**
     * Records upload progress; refused (false) once the distribution was cancelled, which is how a
     * running upload learns to stop.
     */
    public boolean uploading(Distribution distribution, long uploadedBytes, int percent) {
        int changed = dsl.update(VIDEO_DISTRIBUTIONS)
                .set(VIDEO_DISTRIBUTIONS.STATUS, DistributionStatus.UPLOADING.wire())
                .set(VIDEO_DISTRIBUTIONS.UPLOADED_BYTES, uploadedBytes)
                .set(VIDEO_DISTRIBUTIONS.PROGRESS, percent)
                .set(VIDEO_DISTRIBUTIONS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(distribution.id()),
                        VIDEO_DISTRIBUTIONS.STATUS.in(DistributionStatus.QUEUED.wire(), DistributionStatus.UPLOADING.wire()))
                .execute();
        if (changed > 0) {
            announce(distribution.organizationId(), distribution.videoId(), distribution.id(),
                    DistributionStatus.UPLOADING, percent);
        }
        return changed > 0;
    }

    /** Moves to {@code status} unless the distribution was cancelled meanwhile; false then. */
    public boolean moveTo(Distribution distribution, DistributionStatus status, @Nullable String externalId,
                          @Nullable String url, @Nullable String error) {
        int progress = status == DistributionStatus.PROCESSING || status == DistributionStatus.PUBLISHED ? 100
                : distribution.progress();
        int changed = dsl.update(VIDEO_DISTRIBUTIONS)
                .set(VIDEO_DISTRIBUTIONS.STATUS, status.wire())
                .set(VIDEO_DISTRIBUTIONS.PROGRESS, progress)
                .set(VIDEO_DISTRIBUTIONS.EXTERNAL_ID, externalId != null ? externalId : distribution.externalId())
                .set(VIDEO_DISTRIBUTIONS.URL, url != null ? url : distribution.url())
                .set(VIDEO_DISTRIBUTIONS.ERROR, error)
                .set(VIDEO_DISTRIBUTIONS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(distribution.id()),
                        VIDEO_DISTRIBUTIONS.STATUS.ne(DistributionStatus.CANCELLED.wire()))
                .execute();
        if (changed > 0) {
            announce(distribution.organizationId(), distribution.videoId(), distribution.id(), status, progress);
        }
        return changed > 0;
    }

    /** Cancels a distribution that is still queued or uploading; false when it is past that. */
    public boolean cancel(OrganizationId organization, UUID id) {
        var found = find(organization, id);
        if (found.isEmpty() || !(found.get().status() == DistributionStatus.QUEUED
                || found.get().status() == DistributionStatus.UPLOADING)) {
            return false;
        }
        int changed = dsl.update(VIDEO_DISTRIBUTIONS)
                .set(VIDEO_DISTRIBUTIONS.STATUS, DistributionStatus.CANCELLED.wire())
                .set(VIDEO_DISTRIBUTIONS.ERROR, "Cancelled before YouTube had the whole file.")
                .set(VIDEO_DISTRIBUTIONS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(VIDEO_DISTRIBUTIONS.ORGANIZATION_ID.eq(organization), VIDEO_DISTRIBUTIONS.DISTRIBUTION_ID.eq(id),
                        VIDEO_DISTRIBUTIONS.STATUS.in(DistributionStatus.QUEUED.wire(), DistributionStatus.UPLOADING.wire()))
                .execute();
        if (changed > 0) {
            announce(organization, found.get().videoId(), id, DistributionStatus.CANCELLED, found.get().progress());
        }
        return changed > 0;
    }

    private void announce(OrganizationId organization, VideoId video, UUID id, DistributionStatus status, int progress) {
        var message = new DistributionStatusMessage(organization, video, id, status, progress).encode();
        AfterCommit.run(() -> {
            try {
                redis.async().publish(DistributionStatusMessage.CHANNEL, message);
            } catch (RuntimeException e) {
                // advisory only: the row holds the status; open pages catch up on their next change or reload
            }
        });
    }

    private static Distribution toDistribution(VideoDistributionsRecord row) {
        var request = new PublishRequest(row.getTitle(), row.getDescription(), lines(row.getTags()), row.getCategoryId(),
                row.getPrivacy(), row.getPublishAt(), Boolean.TRUE.equals(row.getMadeForKids()),
                lines(row.getCaptionLanguages()), row.getThumbnailKey());
        return new Distribution(row.getDistributionId(), row.getOrganizationId(), row.getVideoId(), row.getDestination(),
                row.getChannelId(), DistributionStatus.fromWire(row.getStatus()), row.getProgress(), request,
                row.getUploadSessionUrl(), row.getUploadedBytes(), row.getTotalBytes(), row.getExternalId(), row.getUrl(),
                row.getError(), row.getCreatedAt(), row.getUpdatedAt());
    }

    private static List<String> lines(@Nullable String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
