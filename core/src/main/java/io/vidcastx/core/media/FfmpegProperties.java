package io.vidcastx.core.media;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which FFmpeg to run ({@code VIDCASTX_FFMPEG_PATH}, {@code VIDCASTX_FFMPEG_FFPROBE_PATH}). Unset, the
 * executables bundled in the bytedeco Maven artifact are used (GPL build, with libx264).
 */
@ConfigurationProperties("vidcastx.ffmpeg")
public record FfmpegProperties(@Nullable String path, @Nullable String ffprobePath) {
}
