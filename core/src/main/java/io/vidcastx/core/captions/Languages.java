package io.vidcastx.core.captions;

import java.util.List;
import java.util.Set;

/** The languages Whisper transcribes (whisper.cpp 1.7's table), by ISO 639-1 code where there is one. */
public final class Languages {

    /** In whisper.cpp's order, which is roughly by how much training audio each had. */
    public static final List<String> WHISPER = List.of("en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl",
            "ca", "nl", "ar", "sv", "it", "id", "hi", "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta",
            "no", "th", "ur", "hr", "bg", "lt", "la", "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl",
            "kn", "et", "mk", "br", "eu", "is", "hy", "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km",
            "sn", "yo", "so", "af", "oc", "ka", "be", "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk",
            "nn", "mt", "sa", "lb", "my", "bo", "tl", "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");

    private static final Set<String> KNOWN = Set.copyOf(WHISPER);

    private Languages() {
    }

    public static boolean isWhisperLanguage(String code) {
        return KNOWN.contains(code);
    }
}
