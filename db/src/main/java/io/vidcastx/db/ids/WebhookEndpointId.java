package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a webhook endpoint. */
public record WebhookEndpointId(UUID value) {

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId random() {
        return new WebhookEndpointId(UUID.randomUUID());
    }

    public static WebhookEndpointId parse(String text) {
        return new WebhookEndpointId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
