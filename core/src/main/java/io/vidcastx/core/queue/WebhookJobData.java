package io.vidcastx.core.queue;

import java.util.UUID;

/**
 * Make attempt {@code attempt} of one webhook delivery whose event and endpoint are recorded in
 * PostgreSQL. Each attempt is its own job, enqueued with the delay the retry schedule gives; a job
 * whose attempt was already made (a duplicate run, or a resend that started a new round) does nothing.
 */
public record WebhookJobData(UUID deliveryId, int attempt) {
}
