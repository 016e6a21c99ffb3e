package io.vidcastx.core.dubbing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What the local provider can do on this machine, found by asking the tools themselves at start:
 * the installed apertium translation modes ({@code apertium -l}) and espeak-ng voices
 * ({@code espeak-ng --voices}). The dashboard offers only what these allow.
 *
 * @param apertiumModes  e.g. {@code eng-spa}, {@code en-gl}; empty when apertium is missing
 * @param espeakVoices   voice language codes, e.g. {@code es}, {@code en-us}; empty when espeak-ng is missing
 */
public record LocalDubbingTools(String apertium, String espeakNg, Set<String> apertiumModes, Set<String> espeakVoices) {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    public static LocalDubbingTools detect(String apertium, String espeakNg) {
        var modes = new TreeSet<String>();
        try {
            ExternalProgram.run(List.of(apertium, "-l"), "", PROBE_TIMEOUT).lines().map(String::strip)
                    .filter(line -> line.matches("[a-z]{2,3}-[a-z]{2,3}")).forEach(modes::add);
        } catch (ExternalProgram.Failure e) {
            // not installed: no modes
        }
        var voices = new TreeSet<String>();
        try {
            ExternalProgram.run(List.of(espeakNg, "--voices"), "", PROBE_TIMEOUT).lines().skip(1)
                    .map(line -> line.strip().split("\\s+")).filter(cols -> cols.length > 1)
                    .forEach(cols -> voices.add(cols[1].toLowerCase(Locale.ROOT)));
        } catch (ExternalProgram.Failure e) {
            // not installed: no voices
        }
        return new LocalDubbingTools(apertium, espeakNg, Set.copyOf(modes), Set.copyOf(voices));
    }

    public boolean canSpeak(String language) {
        return espeakVoices.contains(language.toLowerCase(Locale.ROOT))
                || espeakVoices.contains(primary(language));
    }

    /** The apertium mode translating {@code from} into {@code to} directly, if installed. */
    public Optional<String> mode(String from, String to) {
        String a = primary(from);
        String b = primary(to);
        for (String mode : apertiumModes) {
            String[] pair = mode.split("-");
            if (a.equals(twoLetter(pair[0])) && b.equals(twoLetter(pair[1]))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /**
     * The apertium modes that take {@code from} into {@code to}: one mode, or two through English.
     * Empty when no installed pair can do it.
     */
    public List<String> route(String from, String to) {
        var direct = mode(from, to);
        if (direct.isPresent()) {
            return List.of(direct.get());
        }
        var viaEnglish = new ArrayList<String>();
        mode(from, "en").ifPresent(viaEnglish::add);
        mode("en", to).ifPresent(viaEnglish::add);
        return viaEnglish.size() == 2 ? viaEnglish : List.of();
    }

    /** The languages a transcript in {@code from} can be dubbed into on this machine, sorted. */
    public List<String> targets(String from) {
        var out = new TreeSet<String>();
        for (String mode : apertiumModes) {
            String target = twoLetter(mode.split("-")[1]);
            if (!target.equals(primary(from)) && !route(from, target).isEmpty() && canSpeak(target)) {
                out.add(target);
            }
        }
        return List.copyOf(out);
    }

    /** What to install for dubbing into {@code language} here, in words for the log and the video page. */
    public String advice(@Nullable String language) {
        var missing = new ArrayList<String>();
        if (espeakVoices.isEmpty()) {
            missing.add("espeak-ng (apt-get install espeak-ng)");
        }
        if (apertiumModes.isEmpty()) {
            missing.add("apertium with a language pair (apt-get install apertium apertium-eng-spa)");
        } else if (language != null && targets("en").stream().noneMatch(language::equals)) {
            missing.add("an apertium pair from English to " + language + " (apt-cache search apertium-)");
        }
        return missing.isEmpty() ? "" : "Install " + String.join(" and ", missing) + ".";
    }

    /** {@code es} for {@code es}, {@code spa} or {@code es-MX}. */
    public static String twoLetter(String code) {
        String primary = primary(code);
        return TWO_LETTER.getOrDefault(primary, primary);
    }

    private static String primary(String language) {
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return TWO_LETTER.getOrDefault(primary, primary);
    }

    private static Map<String, String> twoLetterCodes() {
        var map = new HashMap<String, String>();
        for (String code : Locale.getISOLanguages()) {
            try {
                map.put(Locale.of(code).getISO3Language(), code);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known for it
            }
        }
        return Map.copyOf(map);
    }
}
