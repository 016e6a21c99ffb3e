package io.vidcastx.workers.ai;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the AI worker talks to ElevenLabs ({@code vidcastx.elevenlabs.*}); the API key is each
 * organization's own, set in Settings › General.
 *
 * @param apiBase          ElevenLabs' API (tests point it at a local server speaking its wire format)
 * @param pollInterval     how often a running dub's status is asked for
 * @param longestDub       how long ElevenLabs may take over one dub before the job gives up
 * @param rateLimitRetries how many times a 429 is waited out (for its {@code Retry-After}) before the dub fails
 * @param longestRetryAfter the longest {@code Retry-After} honoured; a longer one fails the dub with the wait in words
 */
@ConfigurationProperties("vidcastx.elevenlabs")
public record ElevenLabsProperties(
        @DefaultValue("https://api.elevenlabs.io") URI apiBase,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2h") Duration longestDub,
        @DefaultValue("3") int rateLimitRetries,
        @DefaultValue("2m") Duration longestRetryAfter) {

    public ElevenLabsProperties {
        if (!"https".equals(apiBase.getScheme()) && !"http".equals(apiBase.getScheme())) {
            throw new IllegalArgumentException("vidcastx.elevenlabs.api-base must be an http(s) URL");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || rateLimitRetries < 0) {
            throw new IllegalArgumentException("vidcastx.elevenlabs.poll-interval must be positive and "
                    + "rate-limit-retries >= 0");
        }
    }
}
