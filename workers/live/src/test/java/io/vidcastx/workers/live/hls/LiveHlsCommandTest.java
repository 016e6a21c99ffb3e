package io.vidcastx.workers.live.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LiveHlsCommandTest {

    private final LiveHlsSettings settings = new LiveHlsSettings(2, 6,
            List.of(new LiveRung("480p", 480, 1400), new LiveRung("720p", 720, 2800)), "veryfast", 128, 4500);

    @Test
    void an_h264_aac_source_is_copied_to_the_top_rung_and_encoded_below_it() {
        var source = new SourceInfo(true, true, true, true, 1080, 6000);

        var args = LiveHlsCommand.arguments(source, settings);

        assertThat(args).startsWith("-nostdin").containsSubsequence("-protocol_whitelist", "pipe,file", "-f", "flv", "-i", "pipe:0");
        assertThat(args).containsSubsequence("-map", "0:v:0", "-map", "0:v:0", "-map", "0:v:0",
                "-map", "0:a:0", "-map", "0:a:0", "-map", "0:a:0");
        assertThat(args).containsSubsequence("-c:v:0", "copy");
        assertThat(args).containsSubsequence("-filter:v:1", "scale=-2:'min(720,ih)'", "-c:v:1", "libx264");
        assertThat(args).containsSubsequence("-filter:v:2", "scale=-2:'min(480,ih)'", "-c:v:2", "libx264",
                "-preset:v:2", "veryfast", "-tune:v:2", "zerolatency");
        assertThat(args).containsSubsequence("-b:v:2", "1400k", "-maxrate:v:2", "1540k", "-bufsize:v:2", "2800k",
                "-force_key_frames:v:2", "expr:gte(t,n_forced*2)", "-sc_threshold:v:2", "0");
        assertThat(args).containsSubsequence("-c:a", "copy");
        assertThat(args).containsSubsequence("-f", "hls", "-hls_time", "2", "-hls_list_size", "6",
                "-hls_flags", "delete_segments+independent_segments+temp_file",
                "-hls_segment_filename", "%v/segment_%05d.ts", "-master_pl_name", "master.m3u8",
                "-var_stream_map", "v:0,a:0,name:source v:1,a:1,name:720p v:2,a:2,name:480p", "%v/index.m3u8");
        assertThat(args).endsWith("-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-f", "mp4",
                "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "recording.mp4");
    }

    @Test
    void rungs_at_or_above_the_source_height_are_left_out() {
        var source = new SourceInfo(true, true, true, true, 480, 0);

        assertThat(LiveHlsCommand.rungNames(source, settings)).containsExactly("source");
        assertThat(LiveHlsCommand.arguments(source, settings)).doesNotContain("libx264")
                .containsSubsequence("-var_stream_map", "v:0,a:0,name:source");
    }

    @Test
    void a_source_of_unknown_height_gets_every_rung_scaled_without_upscaling() {
        var source = new SourceInfo(true, true, true, true, 0, 0);

        assertThat(LiveHlsCommand.rungNames(source, settings)).containsExactly("source", "720p", "480p");
    }

    @Test
    void a_source_that_is_not_h264_is_encoded_for_the_top_rung_too_and_recorded_as_flv() {
        var source = new SourceInfo(true, false, true, false, 360, 800);

        var args = LiveHlsCommand.arguments(source, settings);

        assertThat(args).containsSubsequence("-c:v:0", "libx264", "-preset:v:0", "veryfast");
        assertThat(args).containsSubsequence("-b:v:0", "800k");
        assertThat(args).containsSubsequence("-c:a", "aac", "-b:a", "128k");
        assertThat(args).endsWith("-c", "copy", "-f", "flv", "recording.flv");
    }

    @Test
    void an_audio_only_source_makes_one_audio_rendition() {
        var source = new SourceInfo(false, false, true, true, 0, 0);

        var args = LiveHlsCommand.arguments(source, settings);

        assertThat(args).doesNotContain("0:v:0", "libx264");
        assertThat(args).containsSubsequence("-var_stream_map", "a:0,name:audio");
        assertThat(LiveHlsCommand.rungNames(source, settings)).containsExactly("audio");
    }

    @Test
    void a_silent_source_maps_no_audio() {
        var source = new SourceInfo(true, true, false, false, 1080, 0);

        var args = LiveHlsCommand.arguments(source, settings);

        assertThat(args).doesNotContain("0:a:0", "-c:a");
        assertThat(args).containsSubsequence("-var_stream_map", "v:0,name:source v:1,name:720p v:2,name:480p");
    }
}
