package io.vidcastx.videos;

import java.util.List;

import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.videos.AssetPayload;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.uploads.NewAssetSettings;
import io.vidcastx.uploads.Upload;
import io.vidcastx.uploads.UploadIngest;
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

    private final VideoRepository videos;
    private final JobQueue queue;
    private final EventRecorder events;
    private final SourceFactsReader facts;

    VideoIngestService(VideoRepository videos, JobQueue queue, EventRecorder events, SourceFactsReader facts) {
        this.videos = videos;
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
        if (!videos.insertProcessing(video, playbackId)) {
            return false;
        }
        queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(video.id(), video.sourceKey()));
        var data = AssetPayload.of(video.id(), VideoStatus.PROCESSING)
                .playbackIds(List.of(new AssetPayload.PlaybackId(playbackId, video.signedPlayback() ? "signed" : "public")))
                .uploadId(video.uploadId())
                .build();
        events.record(video.organizationId(), "video.asset.created", "asset", video.id().toString(), data);
        return true;
    }
}
