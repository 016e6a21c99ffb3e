package io.vidcastx.core.media;

import java.time.Duration;
import java.util.List;

/** FFmpeg ran longer than allowed and was killed. */
public class FfmpegTimeoutException extends FfmpegException {

    public FfmpegTimeoutException(Duration timeout, List<String> stderrTail) {
        super("FFmpeg did not finish within " + timeout.toSeconds() + " s and was stopped", -1, stderrTail);
    }
}
