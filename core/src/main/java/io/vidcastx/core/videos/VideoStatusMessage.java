package io.vidcastx.core.videos;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;

/**
 * A video's status or transcoding progress changed: what a worker announces on {@link #CHANNEL} and
 * every app instance relays to open dashboards. PostgreSQL holds the same facts, so a lost message
 * only delays a display. {@link VideoStatusCodec} is its one wire format.
 *
 * @param progress percent done, 0 to 100
 */
public record VideoStatusMessage(OrganizationId organizationId, VideoId videoId, VideoStatus status, int progress) {

    /** The Redis pub/sub channel the messages travel on. */
    public static final String CHANNEL = "vidcastx:video-status";

    public VideoStatusMessage {
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("Progress is a percentage, not " + progress);
        }
    }
}
