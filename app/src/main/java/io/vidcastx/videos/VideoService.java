package io.vidcastx.videos;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.database.AfterCommit;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Videos of the caller's organization. Reading needs any role; editing, retrying and deleting need
 * Member or above, checked here so that the dashboard and the API agree.
 */
@Service
public class VideoService {

    private final VideoRepository videos;
    private final StorageService storage;
    private final JobQueue queue;
    private final EventRecorder events;

    VideoService(VideoRepository videos, StorageService storage, JobQueue queue, EventRecorder events) {
        this.videos = videos;
        this.storage = storage;
        this.queue = queue;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<VideoListItem> list(Caller caller, VideoFilter filter, VideoSort sort, int offset, int limit) {
        return videos.list(caller.organizationId(), filter, sort, offset, limit);
    }

    @Transactional(readOnly = true)
    public Map<VideoStatus, Integer> countByStatus(Caller caller, @Nullable String titleContains) {
        return videos.countByStatus(caller.organizationId(), titleContains);
    }

    @Transactional(readOnly = true)
    public Optional<VideoDetail> get(Caller caller, VideoId id) {
        return videos.find(caller.organizationId(), id);
    }

    @Transactional(readOnly = true)
    public HomeStats homeStats(Caller caller) {
        var organization = caller.organizationId();
        return new HomeStats(videos.storageBytes(organization), videos.countByStatus(organization, null),
                videos.encodingSecondsThisMonth(organization) / 60.0,
                videos.list(organization, VideoFilter.ALL, VideoSort.NEWEST, 0, 5));
    }

    /**
     * @throws OptimisticLockingFailureException when someone else changed the video meanwhile
     */
    @Transactional
    public void update(Caller caller, VideoId id, long version, String title, @Nullable String description) {
        caller.require(Role.MEMBER, "edit videos");
        String cleanTitle = title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new IllegalArgumentException("A title has 1 to 200 characters");
        }
        String cleanDescription = description == null || description.isBlank() ? null : description.strip();
        if (!videos.update(caller.organizationId(), id, version, cleanTitle, cleanDescription)) {
            throw new OptimisticLockingFailureException("The video was changed or deleted meanwhile; reload it");
        }
        var updated = videos.find(caller.organizationId(), id).orElseThrow();
        events.record(caller.organizationId(), "video.asset.updated", "asset", id.toString(),
                updated.asset(playbackIds(caller, id)).build());
    }

    @Transactional
    public void setPlaybackPolicy(Caller caller, VideoId id, boolean signed) {
        caller.require(Role.MEMBER, "change playback policies");
        if (!videos.setPlaybackPolicy(caller.organizationId(), id, signed ? "signed" : "public")) {
            throw new IllegalArgumentException("No such video");
        }
    }

    /** A video with all its playback IDs, the primary one first. */
    public record VideoWithPlaybackIds(VideoDetail video, List<PlaybackIdInfo> playbackIds) {
    }

    /** A page of videos with their playback IDs, in two queries whatever the page size. */
    @Transactional(readOnly = true)
    public List<VideoWithPlaybackIds> page(Caller caller, int offset, int limit) {
        var details = videos.details(caller.organizationId(), offset, limit);
        var extra = videos.extraPlaybackIds(caller.organizationId(), details.stream().map(VideoDetail::id).toList());
        return details.stream().map(video -> {
            var all = new java.util.ArrayList<PlaybackIdInfo>();
            all.add(new PlaybackIdInfo(video.playbackId(), video.playbackPolicy()));
            all.addAll(extra.getOrDefault(video.id(), List.of()));
            return new VideoWithPlaybackIds(video, all);
        }).toList();
    }

    /** All playback IDs of a video: its primary one first. */
    @Transactional(readOnly = true)
    public List<PlaybackIdInfo> playbackIds(Caller caller, VideoId id) {
        var video = videos.find(caller.organizationId(), id).orElseThrow(() -> new IllegalArgumentException("No such video"));
        var all = new java.util.ArrayList<PlaybackIdInfo>();
        all.add(new PlaybackIdInfo(video.playbackId(), video.playbackPolicy()));
        all.addAll(videos.extraPlaybackIds(caller.organizationId(), id));
        return all;
    }

    /** Another playback ID for the video, with its own policy. */
    @Transactional
    public PlaybackIdInfo addPlaybackId(Caller caller, VideoId id, boolean signed) {
        caller.require(Role.MEMBER, "create playback IDs");
        if (videos.find(caller.organizationId(), id).isEmpty()) {
            throw new IllegalArgumentException("No such video");
        }
        var info = new PlaybackIdInfo(PlaybackIds.next(), signed ? "signed" : "public");
        videos.addPlaybackId(caller.organizationId(), id, info.id(), info.policy());
        return info;
    }

    /**
     * Removes an extra playback ID: links with it stop working at once. The primary ID stays (every
     * video here keeps one); to stop it, make it signed.
     */
    @Transactional
    public void removePlaybackId(Caller caller, VideoId id, String playbackId) {
        caller.require(Role.MEMBER, "delete playback IDs");
        var video = videos.find(caller.organizationId(), id).orElseThrow(() -> new IllegalArgumentException("No such video"));
        if (video.playbackId().equals(playbackId)) {
            throw new IllegalStateException("The primary playback ID cannot be deleted; make it signed instead");
        }
        if (!videos.removePlaybackId(caller.organizationId(), id, playbackId)) {
            throw new IllegalArgumentException("No such playback ID");
        }
    }

    /** Transcodes a failed video again from its stored source. */
    @Transactional
    public void retry(Caller caller, VideoId id) {
        caller.require(Role.MEMBER, "retry videos");
        String source = videos.sourceKey(caller.organizationId(), id);
        if (source == null || !videos.resetFailed(caller.organizationId(), id)) {
            throw new IllegalStateException("Only a failed video can be retried");
        }
        queue.enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(id, source));
    }

    /** Deletes videos and, once that has committed, every stored file of theirs. */
    @Transactional
    public int delete(Caller caller, Collection<VideoId> ids) {
        caller.require(Role.MEMBER, "delete videos");
        var deleted = videos.delete(caller.organizationId(), ids);
        for (var id : deleted) {
            events.record(caller.organizationId(), "video.asset.deleted", "asset", id.toString(), Map.of("id", id.toString()));
        }
        AfterCommit.run(() -> deleted.forEach(this::removeFiles));
        return deleted.size();
    }

    /**
     * Deletes every video of the caller's organization and then their files: the first step of
     * deleting the organization, which only an Owner may do.
     */
    @Transactional
    public int deleteAll(Caller caller) {
        caller.require(Role.OWNER, "delete the organization's videos all at once");
        return delete(caller, videos.allIds(caller.organizationId()));
    }

    private void removeFiles(VideoId id) {
        storage.deleteFile(StorageKeys.rawSource(id));
        storage.deleteFolder(StorageKeys.hlsFolder(id));
        storage.deleteFolder(StorageKeys.thumbnailsFolder(id));
        storage.deleteFolder(StorageKeys.mp4Folder(id));
        storage.deleteFolder(StorageKeys.captionsFolder(id));
        storage.deleteFolder(StorageKeys.audioFolder(id));
    }
}
