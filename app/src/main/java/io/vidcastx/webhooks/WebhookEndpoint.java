package io.vidcastx.webhooks;

import java.time.OffsetDateTime;
import java.util.List;

import io.vidcastx.db.ids.WebhookEndpointId;
import org.jspecify.annotations.Nullable;

/** An endpoint as the dashboard shows it: never its secret. */
public record WebhookEndpoint(WebhookEndpointId id, String url, String description, boolean enabled,
                              List<String> eventTypes, @Nullable DisabledReason disabledReason,
                              @Nullable OffsetDateTime disabledAt, OffsetDateTime createdAt, long version) {
}
