package io.vidcastx.core.media;

import java.util.List;

/** FFmpeg or ffprobe ended badly; carries the last lines it wrote to stderr. */
public class FfmpegException extends RuntimeException {

    private final int exitCode;
    private final List<String> stderrTail;

    public FfmpegException(String message, int exitCode, List<String> stderrTail) {
        super(message + (stderrTail.isEmpty() ? "" : ": " + String.join(" | ", stderrTail.subList(
                Math.max(0, stderrTail.size() - 3), stderrTail.size()))));
        this.exitCode = exitCode;
        this.stderrTail = List.copyOf(stderrTail);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> stderrTail() {
        return stderrTail;
    }
}
