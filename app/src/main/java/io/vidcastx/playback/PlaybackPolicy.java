package io.vidcastx.playback;

import java.util.Locale;

/** Who may play a playback id: anyone, or holders of a token signed with one of the organization's keys. */
public enum PlaybackPolicy {
    PUBLIC,
    SIGNED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlaybackPolicy fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
