package io.vidcastx.core.events;

import static io.vidcastx.db.jooq.Tables.EVENTS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.vidcastx.core.webhooks.WebhookFanOut;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records platform events (video.asset.ready, ...) in the {@code events} outbox. Call it inside the
 * transaction that makes the change, so an event exists exactly when its change does; the same
 * transaction creates the event's webhook deliveries (see {@link WebhookFanOut}).
 */
public class EventRecorder {

    private final DSLContext dsl;
    private final JsonMapper json;
    private final WebhookFanOut webhooks;

    public EventRecorder(DSLContext dsl, JsonMapper json, WebhookFanOut webhooks) {
        this.dsl = dsl;
        this.json = json;
        this.webhooks = webhooks;
    }

    /** @return the event's id */
    public UUID record(OrganizationId organizationId, String type, String objectType, String objectId,
                       Map<String, ?> data) {
        var id = UUID.randomUUID();
        var createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(EVENTS)
                .set(EVENTS.EVENT_ID, id)
                .set(EVENTS.ORGANIZATION_ID, organizationId)
                .set(EVENTS.TYPE, type)
                .set(EVENTS.OBJECT_TYPE, objectType)
                .set(EVENTS.OBJECT_ID, objectId)
                .set(EVENTS.DATA, JSONB.valueOf(json.writeValueAsString(data)))
                .set(EVENTS.CREATED_AT, createdAt)
                .execute();
        webhooks.fanOut(id, organizationId, type, objectType, objectId, data, createdAt);
        return id;
    }
}
