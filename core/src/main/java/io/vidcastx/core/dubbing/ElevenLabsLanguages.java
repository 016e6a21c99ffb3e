package io.vidcastx.core.dubbing;

import java.util.List;

/**
 * The languages ElevenLabs' dubbing API takes as {@code target_lang} (its documented list), so the
 * dashboard and the API offer only what can work.
 */
public final class ElevenLabsLanguages {

    public static final List<String> DUBBING = List.of("ar", "bg", "cs", "da", "de", "el", "en", "es", "fi", "fil",
            "fr", "hi", "hr", "id", "it", "ja", "ko", "ms", "nl", "pl", "pt", "ro", "ru", "sk", "sv", "ta", "tr", "uk",
            "zh");

    private ElevenLabsLanguages() {
    }

    public static boolean canDub(String language) {
        return DUBBING.contains(language.toLowerCase(java.util.Locale.ROOT).split("-")[0]);
    }
}
