package io.vidcastx.webhooks;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one delivery attempt got back.
 *
 * @param statusCode      the final response's status, null when none came (refused, timed out, unreachable)
 * @param latencyMillis   from sending the request to reading the start of the response
 * @param responseExcerpt the start of the response body
 * @param retryAfter      the receiver's Retry-After on a 429 or 503
 * @param error           why no acceptable response came, in words
 */
record HttpOutcome(@Nullable Integer statusCode, long latencyMillis, @Nullable String responseExcerpt,
                   @Nullable Duration retryAfter, @Nullable String error) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
