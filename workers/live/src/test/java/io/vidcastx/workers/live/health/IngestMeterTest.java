package io.vidcastx.workers.live.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Rates on media time, frames missing from the timeline, and the limits, on synthetic tags. */
class IngestMeterTest {

    /** An H.264 NALU tag body of {@code bytes} bytes. */
    private static byte[] frame(int bytes) {
        byte[] body = new byte[bytes];
        body[0] = 0x27;
        body[1] = 1;
        return body;
    }

    @Test
    void bit_rate_and_frame_rate_are_measured_on_media_time() {
        var meter = new IngestMeter(new IngestLimits(12000, 1080));
        assertThat(meter.health().videoKbps()).isNull();
        for (int i = 0; i < 300; i++) { // 10 s at 30 fps, 12.5 KB a frame = 3000 Kbps
            meter.video(i * 1000L / 30, frame(12_500));
        }
        var health = meter.health();
        assertThat(health.frameRate()).isCloseTo(30.0, within(0.2));
        assertThat(health.videoKbps()).isBetween(2990, 3010);
        assertThat(health.droppedFrames()).isZero();
    }

    @Test
    void gaps_in_the_frame_timeline_count_as_dropped_frames() {
        var meter = new IngestMeter(new IngestLimits(12000, 1080));
        meter.metadata(1280, 720, 25, 2500);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            meter.video(t, frame(1000));
            t += 40;
        }
        t += 40 * 5; // five frames never came
        for (int i = 0; i < 50; i++) {
            meter.video(t, frame(1000));
            t += 40;
        }
        assertThat(meter.health().droppedFrames()).isEqualTo(5);
        assertThat(meter.health().width()).isEqualTo(1280);
    }

    @Test
    void declared_sizes_and_bit_rates_past_the_limits_are_refused_at_once() {
        var meter = new IngestMeter(new IngestLimits(6000, 720));
        assertThatThrownBy(() -> meter.metadata(1920, 1080, 30, 4000)).isInstanceOf(IngestLimitExceeded.class)
                .hasMessage("the picture is 1920x1080 (1080p); the limit is 720p");
        var portrait = new IngestMeter(new IngestLimits(6000, 720));
        portrait.metadata(720, 1280, 30, 4000); // 720p standing up
        assertThatThrownBy(() -> new IngestMeter(new IngestLimits(6000, 720)).metadata(1280, 720, 30, 8000))
                .isInstanceOf(IngestLimitExceeded.class).hasMessage("the encoder is set to 8000 Kbps of video; the limit is 6000 Kbps");
    }

    @Test
    void a_bit_rate_past_the_limit_drops_the_stream_only_once_ten_seconds_showed_it() {
        var meter = new IngestMeter(new IngestLimits(1000, 1080));
        long t = 0;
        // a second at twice the limit (a scene change) before ten seconds of media is not judged yet
        for (; t < 1000; t += 40) {
            meter.video(t, frame(10_000));
        }
        assertThat(meter.health().videoKbps()).isGreaterThan(1900);
        // then the stream settles a little above the limit, within the 20% margin, for half a minute
        for (; t < 30_000; t += 40) {
            meter.video(t, frame(5_250)); // 1050 Kbps
        }
        assertThat(meter.health().videoKbps()).isBetween(1040, 1060);
        assertThatThrownBy(() -> {
            for (long u = 30_000; u < 45_000; u += 40) {
                meter.video(u, frame(10_000)); // 2000 Kbps
            }
        }).isInstanceOf(IngestLimitExceeded.class).hasMessageMatching("the video came at \\d+ Kbps over 10 s; the limit is 1000 Kbps");
    }

    @Test
    void sequence_headers_do_not_count_as_frames() {
        var meter = new IngestMeter(new IngestLimits(12000, 1080));
        meter.video(0, new byte[] {0x17, 0, 0, 0, 0});
        meter.video(0, new byte[] {0x17, 2, 0, 0, 0});
        assertThat(meter.health().frameRate()).isNull();
    }
}
