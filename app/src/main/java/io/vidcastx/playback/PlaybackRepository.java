package io.vidcastx.playback;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;

/** Which ready video a playback id plays, and under which policy. Private to playback. */
interface PlaybackRepository {

    /** The ready video behind a primary or extra playback id. */
    Optional<PlaybackService.Playable> findPlayable(String playbackId);

    /** The organization's video when it is ready, whatever its playback ids. */
    Optional<PlaybackService.Playable> findReady(OrganizationId organization, VideoId video);
}
