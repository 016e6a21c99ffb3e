package io.vidcastx.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vidcastx.core.media.InputProtocols;

/** FFmpeg's arguments for one frame of a video, read through a presigned storage URL. */
final class ThumbnailArguments {

    private ThumbnailArguments() {
    }

    /**
     * Fast seek to {@code seconds}, one frame, scaled by {@code scaleFilter}, as JPEG. The input is our
     * own storage over HTTP(S): no other protocol may be opened on its behalf.
     */
    static List<String> frameAt(String sourceUrl, double seconds, String scaleFilter, String output) {
        var args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-ss", String.format(Locale.ROOT, "%.3f", seconds)));
        args.addAll(InputProtocols.only(InputProtocols.STORAGE_URL));
        args.addAll(List.of("-i", sourceUrl, "-frames:v", "1", "-vf", scaleFilter, "-q:v", "3", output));
        return args;
    }
}
