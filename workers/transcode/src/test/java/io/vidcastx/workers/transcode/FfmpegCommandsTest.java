package io.vidcastx.workers.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FfmpegCommandsTest {

    private final TranscodeProperties settings = new TranscodeProperties(null, "veryfast", 6, 2, 128,
            Duration.ofSeconds(2), 8192, 60, Duration.ofHours(1), 1, null, true);

    @Test
    void one_pass_decodes_once_and_splits_into_every_rung() {
        var plan = new TranscodePlan(List.of(
                new PlannedRendition("720p", 1280, 720, 2800, "3.1", "avc1.64001f"),
                new PlannedRendition("480p", 852, 480, 1400, "3.1", "avc1.64001f")), true, 30, 60);

        var args = FfmpegCommands.ladder("/work/source", plan, settings);

        assertThat(args).startsWith("-nostdin");
        assertThat(args).containsSubsequence("-i", "/work/source");
        assertThat(args.stream().filter("-i"::equals)).hasSize(1);
        assertThat(args).containsSubsequence("-filter_complex",
                "[0:v:0]fps=30,setsar=1,split=2[s0][s1];[s0]scale=1280:720:flags=bicubic[v0];[s1]scale=852:480:flags=bicubic[v1]");
        assertThat(args).containsSubsequence("-b:v:0", "2800k", "-maxrate:v:0", "2996k", "-bufsize:v:0", "4200k",
                "-level:v:0", "3.1");
        assertThat(args).containsSubsequence("-profile:v", "high", "-pix_fmt", "yuv420p", "-g", "60", "-keyint_min", "60",
                "-sc_threshold", "0");
        assertThat(args).containsSubsequence("-hls_time", "6", "-hls_playlist_type", "vod");
        assertThat(args).containsSubsequence("-var_stream_map", "v:0,a:0,name:720p v:1,a:1,name:480p", "%v/index.m3u8");
    }

    @Test
    void a_silent_video_maps_no_audio() {
        var plan = new TranscodePlan(List.of(new PlannedRendition("360p", 640, 360, 700, "3.0", "avc1.64001e")),
                false, 25, 50);

        var args = FfmpegCommands.ladder("in", plan, settings);

        assertThat(args).doesNotContain("0:a:0", "-c:a");
        assertThat(args).containsSubsequence("-var_stream_map", "v:0,name:360p");
    }

    @Test
    void an_audio_only_source_makes_one_audio_rendition() {
        var args = FfmpegCommands.ladder("in", new TranscodePlan(List.of(), true, 0, 0), settings);

        assertThat(args).containsSubsequence("-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "128k");
        assertThat(args).doesNotContain("-filter_complex", "libx264");
        assertThat(args).containsSubsequence("-var_stream_map", "a:0,name:audio");
    }

    @Test
    void the_thumbnail_seeks_before_decoding() {
        assertThat(FfmpegCommands.thumbnail("in.mp4", 2, "t.jpg"))
                .containsSubsequence("-ss", "2", "-i", "in.mp4", "-frames:v", "1")
                .endsWith("t.jpg");
    }

    @Test
    void every_command_reads_its_input_with_only_the_file_protocol() {
        var plan = new TranscodePlan(List.of(new PlannedRendition("720p", 1280, 720, 2800, "3.1", "avc1.64001f")),
                true, 30, 60);
        var audioOnly = new TranscodePlan(List.of(), true, 0, 0);

        assertThat(FfmpegCommands.ladder("in.mp4", plan, settings)).containsSubsequence("-protocol_whitelist", "file", "-i", "in.mp4");
        assertThat(FfmpegCommands.ladder("in.m4a", audioOnly, settings))
                .containsSubsequence("-protocol_whitelist", "file", "-i", "in.m4a");
        assertThat(FfmpegCommands.thumbnail("in.mp4", 2, "t.jpg")).containsSubsequence("-protocol_whitelist", "file", "-i", "in.mp4");
        assertThat(FfmpegCommands.mp4FromHls("720p/index.m3u8", true, "out.mp4"))
                .containsSubsequence("-protocol_whitelist", "file", "-i", "720p/index.m3u8");
    }
}
