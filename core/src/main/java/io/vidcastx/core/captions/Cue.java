package io.vidcastx.core.captions;

import java.util.regex.Pattern;

/**
 * One timed piece of a transcript.
 *
 * @param startMs from the start of the video, in milliseconds
 * @param endMs   not before {@code startMs}
 * @param text    what is said; line breaks allowed, never blank
 */
public record Cue(long startMs, long endMs, String text) {

    /** Longer than any video this platform accepts; catches typing slips such as 1000:00:00. */
    public static final long MAX_MS = 100L * 3600 * 1000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    public Cue {
        if (startMs < 0 || startMs > MAX_MS) {
            throw new IllegalArgumentException("A cue cannot start at " + Timestamps.format(startMs, '.'));
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("A cue ends (" + Timestamps.format(endMs, '.') + ") before it starts ("
                    + Timestamps.format(startMs, '.') + ")");
        }
        if (endMs > MAX_MS) {
            throw new IllegalArgumentException("A cue cannot end at " + Timestamps.format(endMs, '.'));
        }
        // Control characters other than line breaks and tabs show nothing, and PostgreSQL refuses NUL.
        text = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip()
                .replaceAll("\n\\s*\n", "\n");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A cue at " + Timestamps.format(startMs, '.') + " has no text");
        }
    }

    public double startSeconds() {
        return startMs / 1000.0;
    }
}
