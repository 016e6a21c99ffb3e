package io.vidcastx.distribution;

import org.jspecify.annotations.Nullable;

/**
 * Which picture YouTube gets as the video's thumbnail: the video's poster (the default, as the
 * dashboard shows it), a frame at a chosen second, or none, leaving YouTube to pick one of its own.
 */
public record ThumbnailChoice(boolean send, @Nullable Double time) {

    public static final ThumbnailChoice POSTER = new ThumbnailChoice(true, null);
    public static final ThumbnailChoice NONE = new ThumbnailChoice(false, null);

    public ThumbnailChoice {
        if (time != null && (time.isNaN() || time < 0)) {
            throw new IllegalArgumentException("thumbnail_time must be a number of seconds, 0 or more");
        }
        if (!send && time != null) {
            throw new IllegalArgumentException("thumbnail_time needs a thumbnail to be sent");
        }
    }

    public static ThumbnailChoice frameAt(double seconds) {
        return new ThumbnailChoice(true, seconds);
    }
}
