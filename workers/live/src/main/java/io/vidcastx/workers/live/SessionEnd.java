package io.vidcastx.workers.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * How a session ended.
 *
 * @param reason      why (the publisher unpublished, closed the connection, went silent, was dropped)
 * @param mediaStarted whether FFmpeg ran at all (a publisher may leave before sending media)
 * @param ffmpegExitCode FFmpeg's exit code, -1 if it had to be killed or never ran
 * @param recording   the recording of the source, when there is one
 * @param limitExceeded which per-stream limit the publisher broke, when that is why it was dropped
 */
public record SessionEnd(String reason, Instant endedAt, boolean mediaStarted, int ffmpegExitCode,
                         Optional<Path> recording, Optional<String> limitExceeded) {
}
