package io.vidcastx.workers.live;

/**
 * Hears about sessions starting and ending (the later live-streams feature turns these into
 * {@code connected}/{@code disconnected} states, events and recordings). Called on the publisher's
 * thread: keep it short or hand the work off.
 */
public interface LiveSessionListener {

    /** A publisher was accepted; FFmpeg starts when its first media arrives. */
    default void connected(LiveSession session) {
    }

    /** The session is over and FFmpeg has finished (its playlists end, its recording is closed). */
    default void disconnected(LiveSession session, SessionEnd end) {
    }
}
