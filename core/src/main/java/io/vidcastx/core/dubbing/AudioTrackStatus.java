package io.vidcastx.core.dubbing;

import java.util.Locale;

/** A dubbed track's state, spelled as Mux spells a track's {@code status}. */
public enum AudioTrackStatus {
    PREPARING,
    READY,
    ERRORED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AudioTrackStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
