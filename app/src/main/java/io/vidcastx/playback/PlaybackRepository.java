package io.vidcastx.playback;

import java.util.Optional;

/** Which ready video a playback id plays, and under which policy. Private to playback. */
interface PlaybackRepository {

    /** The ready video behind a primary or extra playback id. */
    Optional<PlaybackService.Playable> findPlayable(String playbackId);
}
