package io.vidcastx.core.captions;

import java.util.List;

/** SubRip (.srt): numbered cues with {@code hh:mm:ss,ttt} times, plain text. */
public final class Srt {

    private Srt() {
    }

    public static String write(List<Cue> cues) {
        var out = new StringBuilder();
        int number = 1;
        for (var cue : cues) {
            out.append(number++).append('\n')
                    .append(Timestamps.format(cue.startMs(), ',')).append(" --> ")
                    .append(Timestamps.format(cue.endMs(), ',')).append('\n')
                    .append(cue.text()).append("\n\n");
        }
        return out.toString();
    }
}
