package io.vidcastx.core.captions;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Caption times: {@code hh:mm:ss.ttt} (WebVTT, with '.') and {@code hh:mm:ss,ttt} (SRT, with ','). */
public final class Timestamps {

    /** WebVTT allows the hours to be left out ({@code mm:ss.ttt}); people typing times do too. */
    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,3}):)?([0-5]?\\d):([0-5]\\d)(?:[.,](\\d{1,3}))?");

    private Timestamps() {
    }

    public static String format(long ms, char separator) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }

    /** Parses {@code [h:]mm:ss[.ttt]}; empty when the text is not a time. */
    public static OptionalLong parse(String text) {
        var matcher = TIME.matcher(text.strip());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long minutes = Long.parseLong(matcher.group(2));
        long seconds = Long.parseLong(matcher.group(3));
        String fraction = matcher.group(4) == null ? "0" : (matcher.group(4) + "00").substring(0, 3);
        return OptionalLong.of(((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction));
    }
}
