package io.vidcastx.videos;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** Videos, always within one organization (playback ids, which are global, excepted). */
public interface VideoRepository {

    List<VideoListItem> list(OrganizationId organizationId, VideoFilter filter, VideoSort sort, int offset, int limit);

    /** Videos per status, for the list's tabs (search applied, status ignored). */
    Map<VideoStatus, Integer> countByStatus(OrganizationId organizationId, @Nullable String titleContains);

    Optional<VideoDetail> find(OrganizationId organizationId, VideoId id);

    /** A page of videos in full (without renditions), newest first, in one query. */
    List<VideoDetail> details(OrganizationId organizationId, int offset, int limit);

    /** The extra playback IDs of several videos at once. */
    Map<VideoId, List<PlaybackIdInfo>> extraPlaybackIds(OrganizationId organizationId, Collection<VideoId> ids);

    /** @return false when the video changed since {@code version} (or is gone) */
    boolean update(OrganizationId organizationId, VideoId id, long version, String title, @Nullable String description);

    /** Playback IDs beyond the video's primary one. */
    List<PlaybackIdInfo> extraPlaybackIds(OrganizationId organizationId, VideoId id);

    void addPlaybackId(OrganizationId organizationId, VideoId id, String playbackId, String policy);

    boolean removePlaybackId(OrganizationId organizationId, VideoId id, String playbackId);

    boolean setPlaybackPolicy(OrganizationId organizationId, VideoId id, String policy);

    /** Back to processing for another transcode attempt; false unless it had failed. */
    boolean resetFailed(OrganizationId organizationId, VideoId id);

    @Nullable String sourceKey(OrganizationId organizationId, VideoId id);

    /** Deletes the rows; returns the ids that existed in this organization. */
    List<VideoId> delete(OrganizationId organizationId, Collection<VideoId> ids);

    List<VideoId> allIds(OrganizationId organizationId);

    long storageBytes(OrganizationId organizationId);

    double encodingSecondsThisMonth(OrganizationId organizationId);

    /**
     * Inserts a new video in status processing with what its source told at once.
     *
     * @return false when a video with that id exists already (nothing was changed)
     */
    boolean insertProcessing(VideoIngestService.NewVideo video, String playbackId);
}
