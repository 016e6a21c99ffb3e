package io.vidcastx.core.media;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What ffprobe found in a file. Video dimensions are as displayed, after any rotation metadata.
 *
 * @param formatName ffprobe's container name list, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 */
public record MediaInfo(String formatName, @Nullable Double durationSeconds, long sizeBytes,
                        Optional<VideoStream> video, Optional<AudioStream> audio) {

    /** @param frameRate frames per second (average), or 0 when unknown */
    public record VideoStream(String codec, int width, int height, double frameRate, @Nullable Long frameCount) {

        public double aspectRatio() {
            return height == 0 ? 0 : (double) width / height;
        }
    }

    public record AudioStream(String codec, int channels, int sampleRate) {
    }

    public boolean hasVideo() {
        return video.isPresent();
    }

    public boolean hasAudio() {
        return audio.isPresent();
    }

    /** A single picture (JPEG, PNG, ...) rather than a moving video. */
    public boolean isStillImage() {
        if (video.isEmpty() || audio.isPresent()) {
            return false;
        }
        var stream = video.get();
        boolean imageCodec = switch (stream.codec()) {
            case "mjpeg", "png", "bmp", "webp", "tiff", "jpeg2000", "jpegls", "gif", "ppm", "pgm", "heif", "avif" -> true;
            default -> false;
        };
        boolean imageContainer = formatName.startsWith("image2") || formatName.endsWith("_pipe");
        boolean oneFrame = stream.frameCount() != null && stream.frameCount() <= 1;
        return imageContainer || (imageCodec && (oneFrame || durationSeconds == null || durationSeconds < 0.1));
    }

    /**
     * A playlist or list of other files (HLS, DASH, concat, IMF) rather than media: FFmpeg would read
     * whatever its entries name, so an upload must be the media itself.
     */
    public boolean isPlaylist() {
        return switch (formatName) {
            case "hls", "dash", "concat", "imf" -> true;
            default -> false;
        };
    }
}
