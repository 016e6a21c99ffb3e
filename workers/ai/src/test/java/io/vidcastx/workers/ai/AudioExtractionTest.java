package io.vidcastx.workers.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudioExtractionTest {

    @Test
    void the_source_is_read_with_only_the_file_protocol() {
        assertThat(AudioExtraction.arguments("/work/source.mp4", "/work/audio.f32"))
                .containsSubsequence("-protocol_whitelist", "file", "-i", "/work/source.mp4")
                .endsWith("/work/audio.f32");
    }
}
