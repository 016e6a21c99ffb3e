package io.vidcastx.workers.transcode;

import java.util.function.IntConsumer;

/**
 * Turns FFmpeg's {@code -progress} key=value lines into a percentage of the source's duration.
 */
final class FfmpegProgress {

    private final double durationMicros;
    private final IntConsumer percent;

    FfmpegProgress(double durationSeconds, IntConsumer percent) {
        this.durationMicros = durationSeconds * 1_000_000;
        this.percent = percent;
    }

    void accept(String line) {
        // out_time_us (and, despite its name, out_time_ms) are microseconds; "N/A" before the first frame.
        if (durationMicros <= 0 || !(line.startsWith("out_time_us=") || line.startsWith("out_time_ms="))) {
            if (line.equals("progress=end")) {
                percent.accept(100);
            }
            return;
        }
        try {
            long micros = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
            percent.accept((int) Math.clamp(Math.floor(micros * 100.0 / durationMicros), 0, 99));
        } catch (NumberFormatException e) {
            // N/A
        }
    }
}
