package io.vidcastx.videos;

import java.util.List;

import io.vidcastx.db.ids.OrganizationId;

/** Videos of one organization, for lists. */
public interface VideoRepository {

    List<VideoListItem> list(OrganizationId organizationId, int offset, int limit);

    int count(OrganizationId organizationId);

    /** A video by its public playback id: playback ids are global, like Mux's. */
    java.util.Optional<PlayableVideo> findByPlaybackId(String playbackId);
}
