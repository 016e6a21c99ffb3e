package io.vidcastx.workers.live.health;

/**
 * What one publisher may send ({@code vidcastx.live.max-video-kbps}, {@code vidcastx.live.max-resolution}).
 *
 * @param maxVideoKbps   the video bit rate a stream may average over {@link IngestMeter#WINDOW_MILLIS};
 *                       short bursts above it (key frames, scene changes) are allowed by a 20% margin
 * @param maxResolution  the largest picture by its shorter side, as in "1080p" (portrait pictures too)
 */
public record IngestLimits(int maxVideoKbps, int maxResolution) {

    /** Averages above the limit by less than this are an encoder's normal variation, not a breach. */
    static final double BURST_MARGIN = 1.2;

    public IngestLimits {
        if (maxVideoKbps < 100 || maxResolution < 144) {
            throw new IllegalArgumentException("vidcastx.live.max-video-kbps must be at least 100 and "
                    + "vidcastx.live.max-resolution at least 144");
        }
    }
}
