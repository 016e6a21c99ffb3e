package io.vidcastx.webhooks;

import java.time.OffsetDateTime;

import io.vidcastx.db.ids.WebhookDeliveryId;
import org.jspecify.annotations.Nullable;

/**
 * One line of an endpoint's delivery log: an HTTP attempt and the state of its delivery.
 *
 * @param nextRetryAt when the delivery was to be tried again after this attempt, null when it was not
 * @param latest      whether this is the delivery's most recent attempt
 */
public record WebhookAttempt(WebhookDeliveryId deliveryId, String eventType, String messageId, int attempt,
                             OffsetDateTime attemptedAt, @Nullable Integer statusCode, int latencyMillis,
                             @Nullable String responseExcerpt, @Nullable String error,
                             @Nullable OffsetDateTime nextRetryAt, DeliveryStatus deliveryStatus, boolean latest) {
}
