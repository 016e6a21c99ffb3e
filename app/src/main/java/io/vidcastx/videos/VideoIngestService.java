package io.vidcastx.videos;

import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.uploads.NewAssetSettings;
import io.vidcastx.uploads.Upload;
import io.vidcastx.uploads.UploadIngest;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a stored source into a video: the row (status processing) and its transcode job in the
 * caller's transaction; the job reaches a worker only after that transaction commits.
 */
@Service
public class VideoIngestService implements UploadIngest {

    private final DSLContext dsl;
    private final JobQueue queue;
    private final EventRecorder events;
    private final SourceFactsReader facts;

    VideoIngestService(DSLContext dsl, JobQueue queue, EventRecorder events, SourceFactsReader facts) {
        this.dsl = dsl;
        this.queue = queue;
        this.events = events;
        this.facts = facts;
    }

    /** A completed upload becomes a video, with what its MP4 index tells at once. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean ingest(Upload upload, String title, NewAssetSettings settings) {
        return create(new NewVideo(upload.videoId(), upload.organizationId(), title, upload.storageKey(), upload.id(),
                facts.read(upload.storageKey()), settings.signedPlayback()));
    }

    /**
     * A new video from an upload.
     *
     * @param signedPlayback its playback id plays only with a signed token
     */
    public record NewVideo(VideoId id, OrganizationId organizationId, String title, String sourceKey,
                           @Nullable UploadId uploadId, SourceFacts facts, boolean signedPlayback) {
    }

    /**
     * Creates the video and its transcode job unless a video with that id exists already.
     *
     * @return false when the video already existed (a repeated completion): nothing was done
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean create(NewVideo video) {
        String playbackId = PlaybackIds.next();
        String policy = video.signedPlayback() ? "signed" : "public";
        var facts = video.facts();
        int inserted = dsl.insertInto(VIDEOS)
                .set(VIDEOS.VIDEO_ID, video.id())
                .set(VIDEOS.ORGANIZATION_ID, video.organizationId())
                .set(VIDEOS.TITLE, video.title())
                .set(VIDEOS.STATUS, "processing")
                .set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.PLAYBACK_POLICY, policy)
                .set(VIDEOS.SOURCE_KEY, video.sourceKey())
                .set(VIDEOS.UPLOAD_ID, video.uploadId())
                .set(VIDEOS.DURATION_SECONDS, facts.durationSeconds())
                .set(VIDEOS.WIDTH, facts.width())
                .set(VIDEOS.HEIGHT, facts.height())
                .set(VIDEOS.SIZE_BYTES, facts.sizeBytes())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(video.id(), video.sourceKey()));
        var data = new LinkedHashMap<String, Object>();
        data.put("id", video.id().toString());
        data.put("status", "preparing");
        data.put("playback_ids", List.of(Map.of("id", playbackId, "policy", policy)));
        if (video.uploadId() != null) {
            data.put("upload_id", video.uploadId().toString());
        }
        events.record(video.organizationId(), "video.asset.created", "asset", video.id().toString(), data);
        return true;
    }
}
