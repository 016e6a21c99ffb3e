package io.vidcastx.playback;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Mux-style thumbnail parameters: {@code time} in seconds (default: the stored poster frame), and an
 * optional {@code width} and/or {@code height} the picture fits inside, keeping its aspect ratio.
 */
record ThumbnailRequest(@Nullable Double time, @Nullable Integer width, @Nullable Integer height) {

    static final int MAX_SIZE = 2000;

    ThumbnailRequest {
        if (time != null && (time.isNaN() || time < 0)) {
            throw new IllegalArgumentException("time must be a number of seconds, 0 or more");
        }
        if (width != null && (width < 1 || width > MAX_SIZE)) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_SIZE);
        }
        if (height != null && (height < 1 || height > MAX_SIZE)) {
            throw new IllegalArgumentException("height must be between 1 and " + MAX_SIZE);
        }
    }

    boolean resized() {
        return width != null || height != null;
    }

    /** A storage file name unique to these parameters, for the cache of generated pictures. */
    String cacheName() {
        return String.format(Locale.ROOT, "t%d_w%d_h%d.jpg", time == null ? -1 : Math.round(time * 1000),
                width == null ? 0 : width, height == null ? 0 : height);
    }
}
