package io.vidcastx.videos;

import java.util.List;

import io.vidcastx.db.ids.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading videos, always within one organization. */
@Service
public class VideoService {

    private final VideoRepository videos;

    VideoService(VideoRepository videos) {
        this.videos = videos;
    }

    @Transactional(readOnly = true)
    public List<VideoListItem> list(OrganizationId organizationId, int offset, int limit) {
        return videos.list(organizationId, offset, limit);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<PlayableVideo> findByPlaybackId(String playbackId) {
        return videos.findByPlaybackId(playbackId);
    }

    @Transactional(readOnly = true)
    public int count(OrganizationId organizationId) {
        return videos.count(organizationId);
    }
}
