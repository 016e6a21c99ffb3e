package io.vidcastx.core.queue;

import java.util.UUID;

/** Deliver (or retry) one webhook delivery whose event and endpoint are recorded in PostgreSQL. */
public record WebhookJobData(UUID deliveryId) {
}
