package io.vidcastx.workers.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.vidcastx.core.media.MediaInfo;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {

    private final LadderPlanner planner = new LadderPlanner(new TranscodeProperties(null, "veryfast", 6, 2, 128,
            java.time.Duration.ofSeconds(2), 8192, 60, java.time.Duration.ofHours(1), 1, null, true));

    private static MediaInfo video(int width, int height, double fps, boolean audio) {
        return new MediaInfo("mov,mp4", 10.0, 1000, Optional.of(new MediaInfo.VideoStream("h264", width, height, fps, 300L)),
                audio ? Optional.of(new MediaInfo.AudioStream("aac", 2, 48000)) : Optional.empty());
    }

    private static List<String> sizes(TranscodePlan plan) {
        return plan.renditions().stream().map(r -> r.name() + "=" + r.width() + "x" + r.height()).toList();
    }

    @Test
    void a_1080p_source_gets_the_whole_ladder() {
        var plan = planner.plan(video(1920, 1080, 30, true));
        assertThat(sizes(plan)).containsExactly("1080p=1920x1080", "720p=1280x720", "480p=854x480");
        assertThat(plan.gop()).isEqualTo(60);
        assertThat(plan.audio()).isTrue();
    }

    @Test
    void a_720p_source_is_never_upscaled() {
        assertThat(sizes(planner.plan(video(1280, 720, 25, true)))).containsExactly("720p=1280x720", "480p=854x480");
    }

    @Test
    void portrait_keeps_its_aspect_with_the_short_side_as_the_rung() {
        assertThat(sizes(planner.plan(video(1080, 1920, 30, true))))
                .containsExactly("1080p=1080x1920", "720p=720x1280", "480p=480x854");
    }

    @Test
    void odd_sizes_become_even_and_a_small_source_keeps_its_own_size() {
        var plan = planner.plan(video(641, 361, 30, false));
        assertThat(sizes(plan)).containsExactly("360p=640x360");
        assertThat(plan.renditions().getFirst().videoKbps()).isLessThan(1400);
        assertThat(plan.audio()).isFalse();
    }

    @Test
    void very_fast_sources_are_capped_and_keyframes_stay_two_seconds_apart() {
        var plan = planner.plan(video(1280, 720, 120, true));
        assertThat(plan.frameRate()).isEqualTo(60);
        assertThat(plan.gop()).isEqualTo(120);
    }

    @Test
    void an_audio_only_source_plans_no_video() {
        var plan = planner.plan(new MediaInfo("mp3", 5.0, 100, Optional.empty(),
                Optional.of(new MediaInfo.AudioStream("mp3", 2, 44100))));
        assertThat(plan.isAudioOnly()).isTrue();
    }

    @Test
    void levels_and_codec_strings_follow_h264_table_a1() {
        assertThat(LadderPlanner.level(1920, 1080, 30)).isEqualTo("4.0");
        assertThat(LadderPlanner.level(1920, 1080, 60)).isEqualTo("4.2");
        assertThat(LadderPlanner.level(1280, 720, 30)).isEqualTo("3.1");
        assertThat(LadderPlanner.level(852, 480, 30)).isEqualTo("3.1");
        assertThat(LadderPlanner.level(640, 360, 30)).isEqualTo("3.0");
        assertThat(LadderPlanner.codecs("4.0")).isEqualTo("avc1.640028");
        assertThat(LadderPlanner.codecs("3.1")).isEqualTo("avc1.64001f");
    }
}
