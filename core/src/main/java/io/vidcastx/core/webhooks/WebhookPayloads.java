package io.vidcastx.core.webhooks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.db.ids.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a webhook, in Mux's event shape so existing Mux receivers read it unchanged:
 * {@code type}, {@code id}, {@code created_at}, {@code object}, {@code data}, plus the
 * {@code organization} (Mux calls it {@code environment}, which is sent too).
 */
public final class WebhookPayloads {

    private final JsonMapper json;

    public WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    /** What happened, to which object, in which organization. */
    public record Event(String id, String type, String objectType, String objectId, Map<String, ?> data,
                        OffsetDateTime createdAt, OrganizationId organizationId, String organizationName) {
    }

    public String body(Event event) {
        var organization = new LinkedHashMap<String, Object>();
        organization.put("id", event.organizationId().toString());
        organization.put("name", event.organizationName());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", event.type());
        body.put("id", event.id());
        body.put("created_at", DateTimeFormatter.ISO_INSTANT.format(
                event.createdAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        body.put("object", Map.of("type", event.objectType(), "id", event.objectId()));
        body.put("organization", organization);
        body.put("environment", organization);
        body.put("data", event.data());
        return json.writeValueAsString(body);
    }
}
