package io.vidcastx.distribution;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.queue.EnqueueOptions;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.PublishJobData;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.youtube.Distribution;
import io.vidcastx.core.youtube.Distributions;
import io.vidcastx.core.youtube.PublishRequest;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.playback.StillFrames;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a video to the organization's YouTube channel: Members and above queue, watch and
 * cancel; every read and write is scoped to the caller's organization.
 */
@Service
public class PublishService {

    /** The queue retries a job whose uploads kept failing; each retry resumes the same session. */
    private static final int ATTEMPTS = 5;

    private final Distributions distributions;
    private final YouTubeConnections connections;
    private final JobQueue queue;
    private final StillFrames stills;

    PublishService(Distributions distributions, YouTubeConnections connections, JobQueue queue, StillFrames stills) {
        this.distributions = distributions;
        this.connections = connections;
        this.queue = queue;
        this.stills = stills;
    }

    /** The video was published (or is being published) to this channel already; ask before replacing it. */
    public static final class AlreadyPublished extends IllegalStateException {
        private final Distribution existing;

        AlreadyPublished(Distribution existing) {
            super("This video was already sent to this YouTube channel (" + existing.status().wire() + "). Publishing "
                    + "again uploads a second copy; confirm to go ahead (API: \"replace\": true).");
            this.existing = existing;
        }

        public Distribution existing() {
            return existing;
        }
    }

    /**
     * Queues the upload.
     *
     * @param replace true once the person confirmed publishing a video that is on the channel already
     * @throws IllegalArgumentException for details YouTube would refuse, or an unknown video
     * @throws IllegalStateException    when YouTube is not connected, the video is not ready, or (as
     *                                  {@link AlreadyPublished}) it was published before and {@code replace} is false
     */
    public Distribution publish(Caller caller, VideoId video, PublishRequest request, boolean replace) {
        return publish(caller, video, request, replace, ThumbnailChoice.POSTER);
    }

    /**
     * Queues the upload with the chosen thumbnail; a frame at a time is cut now, so a time past the
     * video's end is refused here rather than by the worker later.
     */
    @Transactional
    public Distribution publish(Caller caller, VideoId video, PublishRequest request, boolean replace,
                                ThumbnailChoice thumbnail) {
        caller.require(Role.MEMBER, "publish videos");
        var status = distributions.videoStatus(caller.organizationId(), video)
                .orElseThrow(() -> new IllegalArgumentException("No asset with this id"));
        if (!"ready".equals(status)) {
            throw new IllegalStateException("The video is " + status + "; publish it once it is ready.");
        }
        var problems = request.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        var connection = connections.find(caller.organizationId()).orElseThrow(() -> new IllegalStateException(
                "YouTube is not connected. An Admin can connect it under Settings › Integrations."));
        if (connection.needsReconnect()) {
            throw new IllegalStateException("The YouTube connection needs to be renewed: an Admin must connect YouTube "
                    + "again under Settings › Integrations.");
        }
        var existing = distributions.forChannel(caller.organizationId(), video, Distributions.YOUTUBE, connection.channelId());
        if (existing.isPresent() && !replace) {
            throw new AlreadyPublished(existing.get());
        }
        if (existing.isPresent() && existing.get().status().inProgress()) {
            throw new IllegalStateException("This video is being published to this channel right now; cancel that first.");
        }
        var queued = distributions.queue(caller.organizationId(), video, Distributions.YOUTUBE, connection.channelId(),
                request.withThumbnailKey(thumbnailKey(caller, video, thumbnail)), caller.userId());
        var job = queue.enqueue(Queues.PUBLISH, new PublishJobData(queued.id()),
                new EnqueueOptions(Duration.ZERO, ATTEMPTS));
        distributions.attachJob(queued.id(), job);
        return queued;
    }

    private @Nullable String thumbnailKey(Caller caller, VideoId video, ThumbnailChoice thumbnail) {
        if (!thumbnail.send()) {
            return null;
        }
        try {
            return stills.keep(caller.organizationId(), video, thumbnail.time()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thumbnail_time: " + e.getMessage(), e);
        }
    }

    public Optional<Distribution> find(Caller caller, VideoId video, UUID id) {
        caller.require(Role.VIEWER, "see publishing");
        return distributions.find(caller.organizationId(), id).filter(found -> found.videoId().equals(video));
    }

    /** The video's publish history: one entry per channel. */
    public List<Distribution> history(Caller caller, VideoId video) {
        caller.require(Role.VIEWER, "see publishing");
        return distributions.forVideo(caller.organizationId(), video);
    }

    /** Cancels an upload that has not finished; false when it is past that (already on YouTube). */
    @Transactional
    public boolean cancel(Caller caller, VideoId video, UUID id) {
        caller.require(Role.MEMBER, "cancel publishing");
        return find(caller, video, id).isPresent() && distributions.cancel(caller.organizationId(), id);
    }

    public boolean youTubeConnected(Caller caller) {
        return connections.find(caller.organizationId()).filter(found -> !found.needsReconnect()).isPresent();
    }
}
