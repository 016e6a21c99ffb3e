package io.vidcastx.workers.live.hls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a session's FFmpeg ended.
 *
 * @param started    false when the publisher sent no media, so FFmpeg never ran
 * @param exitCode   FFmpeg's exit code (-1 when it had to be killed or never ran)
 * @param recording  the recording, when FFmpeg wrote one
 * @param stderrTail FFmpeg's last warnings and errors
 */
public record PipelineResult(boolean started, int exitCode, Optional<Path> recording, List<String> stderrTail) {
}
