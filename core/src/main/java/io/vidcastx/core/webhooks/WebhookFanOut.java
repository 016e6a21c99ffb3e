package io.vidcastx.core.webhooks;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_SUBSCRIPTIONS;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.WebhookJobData;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Creates one delivery per enabled endpoint of the event's organization that subscribes to its type,
 * and enqueues each delivery's first attempt. It runs inside the transaction that records the event:
 * deliveries exist exactly when their event does, whichever process recorded it, and no relay has to
 * poll the outbox.
 */
public class WebhookFanOut {

    private final DSLContext dsl;
    private final JobQueue queue;
    private final WebhookPayloads payloads;

    public WebhookFanOut(DSLContext dsl, JobQueue queue, WebhookPayloads payloads) {
        this.dsl = dsl;
        this.queue = queue;
        this.payloads = payloads;
    }

    /** @return how many deliveries were created */
    public int fanOut(UUID eventId, OrganizationId organizationId, String type, String objectType, String objectId,
                      Map<String, ?> data, OffsetDateTime createdAt) {
        var endpoints = dsl.select(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID)
                .from(WEBHOOK_ENDPOINTS)
                .join(WEBHOOK_SUBSCRIPTIONS).on(WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID.eq(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID))
                .where(WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organizationId))
                .and(WEBHOOK_ENDPOINTS.ENABLED.isTrue())
                .and(WEBHOOK_SUBSCRIPTIONS.EVENT_TYPE.eq(type))
                .fetch(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID);
        if (endpoints.isEmpty()) {
            return 0;
        }
        String organizationName = dsl.select(ORGANIZATIONS.NAME).from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(organizationId)).fetchSingle().value1();
        String body = payloads.body(new WebhookPayloads.Event(eventId.toString(), type, objectType, objectId, data,
                createdAt, organizationId, organizationName));
        for (var endpoint : endpoints) {
            createDelivery(endpoint, organizationId, eventId, messageId(eventId), type, body);
        }
        return endpoints.size();
    }

    /**
     * Creates one delivery of {@code body} to one endpoint and enqueues its first attempt, in the
     * caller's transaction. Also how the dashboard's test events are sent.
     */
    public WebhookDeliveryId createDelivery(WebhookEndpointId endpoint, OrganizationId organizationId,
                                            @Nullable UUID eventId, String messageId, String type, String body) {
        var deliveryId = WebhookDeliveryId.random();
        dsl.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID, deliveryId)
                .set(WEBHOOK_DELIVERIES.WEBHOOK_ENDPOINT_ID, endpoint)
                .set(WEBHOOK_DELIVERIES.ORGANIZATION_ID, organizationId)
                .set(WEBHOOK_DELIVERIES.EVENT_ID, eventId)
                .set(WEBHOOK_DELIVERIES.MESSAGE_ID, messageId)
                .set(WEBHOOK_DELIVERIES.EVENT_TYPE, type)
                .set(WEBHOOK_DELIVERIES.PAYLOAD, body)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, DSL.currentOffsetDateTime())
                .execute();
        queue.enqueue(Queues.WEBHOOKS, new WebhookJobData(deliveryId.value(), 1));
        return deliveryId;
    }

    /**
     * The webhook-id of an event's deliveries: the same for every endpoint and every attempt, so a
     * receiver that gets it twice knows it is the same message.
     */
    public static String messageId(UUID eventId) {
        return "msg_" + eventId.toString().replace("-", "");
    }
}
