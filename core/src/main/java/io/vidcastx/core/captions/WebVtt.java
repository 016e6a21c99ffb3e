package io.vidcastx.core.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WebVTT (W3C) as HLS players read it. Written files carry {@code X-TIMESTAMP-MAP} so that Safari and
 * hls.js put the cues on the video's MPEG-TS timeline; parsing keeps the cue times and plain text
 * (voice and style tags are dropped) and reports the first problem with its line number.
 */
public final class WebVtt {

    private static final Pattern TIMING = Pattern.compile("^(\\S+)\\s+-->\\s+(\\S+)(\\s.*)?$");
    /** Far longer than any caption line a player can show; longer ones are garbage or an attack. */
    static final int MAX_LINE_LENGTH = 10_000;

    private WebVtt() {
    }

    /** @param mpegtsOffset the 90 kHz MPEG-TS time of the video's first frame */
    public static String write(List<Cue> cues, long mpegtsOffset) {
        var out = new StringBuilder("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:").append(mpegtsOffset)
                .append(",LOCAL:00:00:00.000\n\n");
        int number = 1;
        for (var cue : cues) {
            out.append(number++).append('\n')
                    .append(Timestamps.format(cue.startMs(), '.')).append(" --> ")
                    .append(Timestamps.format(cue.endMs(), '.')).append('\n')
                    .append(escape(cue.text())).append("\n\n");
        }
        return out.toString();
    }

    /**
     * @throws CaptionFormatException when the text is not WebVTT, naming the line at fault
     */
    public static List<Cue> parse(String text) {
        String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || !lines[0].matches("WEBVTT([ \\t].*)?")) {
            boolean srt = lines.length > 1 && lines[0].strip().matches("\\d+") && lines[1].contains("-->");
            throw new CaptionFormatException("The file does not start with \"WEBVTT\", so it is not a WebVTT file"
                    + (srt ? " (it looks like SRT: convert it to WebVTT first)." : "."));
        }
        var cues = new ArrayList<Cue>();
        int i = 1;
        while (i < lines.length && !lines[i].isBlank()) {
            i++; // header lines such as X-TIMESTAMP-MAP
        }
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            if (lines[i].startsWith("NOTE") || lines[i].equals("STYLE") || lines[i].equals("REGION")) {
                while (i < lines.length && !lines[i].isBlank()) {
                    i++;
                }
                continue;
            }
            if (!lines[i].contains("-->")) {
                i++; // a cue identifier
            }
            if (i >= lines.length || !lines[i].contains("-->")) {
                throw new CaptionFormatException("Line " + (blockStart + 1) + ": expected a cue timing such as "
                        + "\"00:00:01.000 --> 00:00:04.000\", found \"" + shorten(lines[blockStart]) + "\".");
            }
            long[] times = timing(lines[i], i + 1);
            int timingLine = i + 1;
            i++;
            var body = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank()) {
                if (lines[i].length() > MAX_LINE_LENGTH) {
                    throw new CaptionFormatException("Line " + (i + 1) + " has " + lines[i].length()
                            + " characters; a caption line may have at most " + MAX_LINE_LENGTH + ".");
                }
                if (lines[i].contains("-->")) {
                    throw new CaptionFormatException("Line " + (i + 1) + ": a cue timing inside the text of the cue at line "
                            + timingLine + "; cues are separated by a blank line.");
                }
                body.append(body.isEmpty() ? "" : "\n").append(lines[i]);
                i++;
            }
            String plain = unescape(withoutTags(body)).strip();
            if (plain.isEmpty()) {
                continue; // an empty cue shows nothing; keep the rest
            }
            try {
                cues.add(new Cue(times[0], times[1], plain));
            } catch (IllegalArgumentException e) {
                throw new CaptionFormatException("Line " + timingLine + ": " + e.getMessage() + ".");
            }
        }
        if (cues.isEmpty()) {
            throw new CaptionFormatException("The file has no cues.");
        }
        return cues;
    }

    private static long[] timing(String line, int number) {
        var matcher = TIMING.matcher(line.strip());
        if (matcher.matches()) {
            var start = Timestamps.parse(matcher.group(1));
            var end = Timestamps.parse(matcher.group(2));
            if (start.isPresent() && end.isPresent() && matcher.group(1).contains(".") && matcher.group(2).contains(".")) {
                return new long[] {start.getAsLong(), end.getAsLong()};
            }
        }
        throw new CaptionFormatException("Line " + number + ": \"" + shorten(line) + "\" is not a WebVTT cue timing "
                + "(hh:mm:ss.ttt --> hh:mm:ss.ttt, with a full stop before the milliseconds).");
    }

    /**
     * The text without its voice, class and style tags ({@code <v Ada>}, {@code </i>}): a tag runs
     * from '<' to the next '>' on its line; a '<' with no '>' after it on its line is text. One pass,
     * so a line full of '<' costs no more than any other.
     */
    static String withoutTags(CharSequence text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != '>' && text.charAt(j) != '\n') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '>') {
                i = j + 1; // the tag is dropped
            } else {
                // No '>' before the line ends: neither this '<' nor any after it on the line opens a tag.
                out.append(text, i, j);
                i = j;
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0").replace("&lrm;", "\u200e")
                .replace("&rlm;", "\u200f").replace("&amp;", "&");
    }

    private static String shorten(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
