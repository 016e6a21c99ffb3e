package io.vidcastx.webhooks;

import java.time.OffsetDateTime;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import org.jspecify.annotations.Nullable;

/** What the worker needs to make an attempt: the delivery, its endpoint and the sealed secrets. */
record DeliveryToSend(WebhookDeliveryId id, OrganizationId organizationId, WebhookEndpointId endpointId, String url,
                      boolean endpointEnabled, String secretCiphertext, @Nullable String previousSecretCiphertext,
                      @Nullable OffsetDateTime previousSecretExpiresAt, String messageId, String payload,
                      DeliveryStatus status, int attempts, int roundStart) {
}
