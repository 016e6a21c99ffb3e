package io.vidcastx.webhooks;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ATTEMPTS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.WebhookEndpointId;
import io.vidcastx.db.jooq.tables.records.WebhookAttemptsRecord;
import io.vidcastx.db.jooq.tables.records.WebhookDeliveriesRecord;
import io.vidcastx.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhook tests: the owner's organization without endpoints, events recorded as the app records them. */
abstract class WebhookTestSupport extends AppTestSupport {

    @Autowired
    protected WebhookService webhooks;
    @Autowired
    protected EventRecorder events;
    @Autowired
    protected TransactionTemplate transactions;

    protected OrganizationId organization;
    protected Caller owner;

    @BeforeEach
    void noEndpoints() {
        ensureOwner();
        dsl.deleteFrom(WEBHOOK_ENDPOINTS).execute();
        organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        owner = new Caller(organization, null, null, Role.OWNER);
    }

    protected WebhookEndpoint endpoint(String url, String... eventTypes) {
        return webhooks.create(owner, new WebhookService.EndpointSettings(url, "test receiver", Set.of(eventTypes)));
    }

    /** Records an event the way a service does: inside its transaction. */
    protected UUID record(OrganizationId organizationId, String type) {
        return transactions.execute(status -> events.record(organizationId, type, "asset", "asset-" + UUID.randomUUID(),
                Map.of("id", "asset-1", "status", "ready")));
    }

    protected List<WebhookDeliveriesRecord> deliveries(WebhookEndpointId endpoint) {
        return dsl.selectFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.WEBHOOK_ENDPOINT_ID.eq(endpoint))
                .orderBy(WEBHOOK_DELIVERIES.CREATED_AT.desc()).fetch();
    }

    protected List<WebhookAttemptsRecord> attempts(WebhookEndpointId endpoint) {
        return dsl.selectFrom(WEBHOOK_ATTEMPTS).where(WEBHOOK_ATTEMPTS.WEBHOOK_ENDPOINT_ID.eq(endpoint))
                .orderBy(WEBHOOK_ATTEMPTS.ATTEMPT).fetch();
    }

    /** The newest delivery of the endpoint, once none is pending. */
    protected WebhookDeliveriesRecord awaitFinished(WebhookEndpointId endpoint) {
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(endpoint).stream()
                .allMatch(d -> !d.getStatus().equals(DeliveryStatus.PENDING.dbValue())) && !deliveries(endpoint).isEmpty());
        return deliveries(endpoint).getFirst();
    }
}
