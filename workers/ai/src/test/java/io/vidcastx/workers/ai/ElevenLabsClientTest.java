package io.vidcastx.workers.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** How long a 429 is waited out: ElevenLabs' Retry-After in either of HTTP's forms. */
class ElevenLabsClientTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void retry_after_in_seconds_is_taken_as_it_is() {
        assertThat(ElevenLabsClient.retryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ElevenLabsClient.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retry_after_as_an_http_date_waits_until_then_and_never_a_negative_time() {
        assertThat(ElevenLabsClient.retryAfter("Wed, 02 Dec 2026 01:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ElevenLabsClient.retryAfter("Wed, 02 Dec 2026 00:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void a_missing_or_unreadable_retry_after_waits_one_second() {
        assertThat(ElevenLabsClient.retryAfter("", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ElevenLabsClient.retryAfter("soon", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ElevenLabsClient.retryAfter("-5", NOW)).isEqualTo(Duration.ofSeconds(1));
    }
}
