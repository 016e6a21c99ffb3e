package io.vidcastx.core.videos;

import java.util.Locale;

/** A video's state: transcoding, playable, or failed with a reason. */
public enum VideoStatus {
    PROCESSING,
    READY,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
