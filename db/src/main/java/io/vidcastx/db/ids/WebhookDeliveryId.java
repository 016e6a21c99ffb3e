package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a webhook delivery (one event to one endpoint). */
public record WebhookDeliveryId(UUID value) {

    public WebhookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookDeliveryId random() {
        return new WebhookDeliveryId(UUID.randomUUID());
    }

    public static WebhookDeliveryId parse(String text) {
        return new WebhookDeliveryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
