package io.vidcastx.workers.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamKeyTest {

    @Test
    void a_key_prints_as_a_short_hash_and_never_as_itself() {
        StreamKey key = StreamKey.fromPublishingName("sk-secret-123").orElseThrow();

        assertThat(key.toString()).doesNotContain("secret").matches("StreamKey\\[sha256:[0-9a-f]{8}]");
        assertThat(key.reveal()).isEqualTo("sk-secret-123");
    }

    @Test
    void parameters_after_the_key_are_ignored() {
        assertThat(StreamKey.fromPublishingName("abc?token=1")).contains(StreamKey.fromPublishingName("abc").orElseThrow());
    }

    @Test
    void names_that_cannot_be_keys_are_rejected() {
        assertThat(StreamKey.fromPublishingName("")).isEmpty();
        assertThat(StreamKey.fromPublishingName("a/b")).isEmpty();
        assertThat(StreamKey.fromPublishingName("with space")).isEmpty();
        assertThat(StreamKey.fromPublishingName("k".repeat(257))).isEmpty();
    }
}
