package io.vidcastx.core.media;

import java.util.List;

/** The work FFmpeg was doing is no longer wanted (the video was deleted, the worker is stopping). */
public class FfmpegCancelledException extends FfmpegException {

    public FfmpegCancelledException() {
        super("FFmpeg was stopped because its work was cancelled", -1, List.of());
    }
}
