package io.vidcastx.core.dubbing;

import java.util.Locale;

/** Who translates and speaks: tools on the operator's machine, or ElevenLabs' API. */
public enum DubbingProvider {
    LOCAL,
    ELEVENLABS;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DubbingProvider fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
