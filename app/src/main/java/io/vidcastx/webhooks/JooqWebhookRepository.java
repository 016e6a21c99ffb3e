package io.vidcastx.webhooks;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ATTEMPTS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_SUBSCRIPTIONS;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqWebhookRepository implements WebhookRepository {

    private static final int EXCERPT_CHARS = 1000;
    private static final int ERROR_CHARS = 500;

    private final DSLContext dsl;

    JooqWebhookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insertEndpoint(OrganizationId organizationId, WebhookEndpointId id, String url, String description,
                               String secretCiphertext, Collection<String> eventTypes) {
        dsl.insertInto(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID, id)
                .set(WEBHOOK_ENDPOINTS.ORGANIZATION_ID, organizationId)
                .set(WEBHOOK_ENDPOINTS.URL, url)
                .set(WEBHOOK_ENDPOINTS.DESCRIPTION, description)
                .set(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT, secretCiphertext)
                .execute();
        insertSubscriptions(id, eventTypes);
    }

    @Override
    public boolean updateEndpoint(OrganizationId organizationId, WebhookEndpointId id, long version, String url,
                                  String description, Collection<String> eventTypes) {
        int updated = dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.URL, url)
                // A new address is a fresh start for the "failing for days" rule.
                .set(WEBHOOK_ENDPOINTS.FAILING_SINCE, DSL.when(WEBHOOK_ENDPOINTS.URL.eq(url), WEBHOOK_ENDPOINTS.FAILING_SINCE)
                        .otherwise((OffsetDateTime) null))
                .set(WEBHOOK_ENDPOINTS.DESCRIPTION, description)
                .set(WEBHOOK_ENDPOINTS.VERSION, WEBHOOK_ENDPOINTS.VERSION.plus(1))
                .set(WEBHOOK_ENDPOINTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(scoped(organizationId, id)).and(WEBHOOK_ENDPOINTS.VERSION.eq(version))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(WEBHOOK_SUBSCRIPTIONS).where(WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID.eq(id)).execute();
        insertSubscriptions(id, eventTypes);
        return true;
    }

    private void insertSubscriptions(WebhookEndpointId id, Collection<String> eventTypes) {
        var insert = dsl.insertInto(WEBHOOK_SUBSCRIPTIONS, WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID,
                WEBHOOK_SUBSCRIPTIONS.EVENT_TYPE);
        for (String type : eventTypes) {
            insert = insert.values(id, type);
        }
        insert.execute();
    }

    @Override
    public List<WebhookEndpoint> endpoints(OrganizationId organizationId) {
        return endpointsWhere(WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organizationId));
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(OrganizationId organizationId, WebhookEndpointId id) {
        return endpointsWhere(scoped(organizationId, id)).stream().findFirst();
    }

    @Override
    public List<WebhookEndpoint> automaticallyDisabled(OrganizationId organizationId) {
        return endpointsWhere(WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organizationId)
                .and(WEBHOOK_ENDPOINTS.ENABLED.isFalse())
                .and(WEBHOOK_ENDPOINTS.DISABLED_REASON.in(DisabledReason.GONE.dbValue(), DisabledReason.FAILING.dbValue())));
    }

    /** Endpoints with their event types: two queries, whatever the number of endpoints. */
    private List<WebhookEndpoint> endpointsWhere(Condition condition) {
        var rows = dsl.select(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID, WEBHOOK_ENDPOINTS.URL, WEBHOOK_ENDPOINTS.DESCRIPTION,
                        WEBHOOK_ENDPOINTS.ENABLED, WEBHOOK_ENDPOINTS.DISABLED_REASON, WEBHOOK_ENDPOINTS.DISABLED_AT,
                        WEBHOOK_ENDPOINTS.CREATED_AT, WEBHOOK_ENDPOINTS.VERSION)
                .from(WEBHOOK_ENDPOINTS).where(condition)
                .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT, WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<WebhookEndpointId, List<String>> types = dsl.select(WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID,
                        WEBHOOK_SUBSCRIPTIONS.EVENT_TYPE)
                .from(WEBHOOK_SUBSCRIPTIONS)
                .where(WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID.in(rows.map(r -> r.value1())))
                .fetchGroups(WEBHOOK_SUBSCRIPTIONS.WEBHOOK_ENDPOINT_ID, WEBHOOK_SUBSCRIPTIONS.EVENT_TYPE);
        return rows.map(r -> new WebhookEndpoint(r.value1(), r.value2(), r.value3(), r.value4(),
                inCatalogueOrder(types.getOrDefault(r.value1(), List.of())),
                r.value5() == null ? null : DisabledReason.fromDb(r.value5()), r.value6(), r.value7(), r.value8()));
    }

    private static List<String> inCatalogueOrder(List<String> types) {
        return types.stream().sorted(java.util.Comparator.comparingInt(type -> {
            int index = WebhookEventTypes.ALL.indexOf(type);
            return index < 0 ? Integer.MAX_VALUE : index;
        })).toList();
    }

    @Override
    public String organizationName(OrganizationId organizationId) {
        return dsl.select(ORGANIZATIONS.NAME).from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(organizationId)).fetchSingle(ORGANIZATIONS.NAME);
    }

    @Override
    public Optional<String> secretCiphertext(OrganizationId organizationId, WebhookEndpointId id) {
        return dsl.select(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT).from(WEBHOOK_ENDPOINTS)
                .where(scoped(organizationId, id)).fetchOptional(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT);
    }

    @Override
    public boolean setEnabled(OrganizationId organizationId, WebhookEndpointId id, boolean enabled,
                              @Nullable DisabledReason reason) {
        return dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.ENABLED, enabled)
                .set(WEBHOOK_ENDPOINTS.DISABLED_REASON, enabled || reason == null ? null : reason.dbValue())
                .set(WEBHOOK_ENDPOINTS.DISABLED_AT, enabled ? null : OffsetDateTime.now())
                .set(WEBHOOK_ENDPOINTS.FAILING_SINCE, (OffsetDateTime) null)
                .set(WEBHOOK_ENDPOINTS.VERSION, WEBHOOK_ENDPOINTS.VERSION.plus(1))
                .set(WEBHOOK_ENDPOINTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(scoped(organizationId, id))
                .execute() == 1;
    }

    @Override
    public boolean replaceSecret(OrganizationId organizationId, WebhookEndpointId id, String secretCiphertext,
                                 String previousSecretCiphertext, OffsetDateTime previousSecretExpiresAt) {
        return dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT, secretCiphertext)
                .set(WEBHOOK_ENDPOINTS.PREVIOUS_SECRET_CIPHERTEXT, previousSecretCiphertext)
                .set(WEBHOOK_ENDPOINTS.PREVIOUS_SECRET_EXPIRES_AT, previousSecretExpiresAt)
                .set(WEBHOOK_ENDPOINTS.UPDATED_AT, DSL.currentOffsetDateTime())
                // Only if nobody rotated in between: otherwise one admin would be shown a secret never stored.
                .where(scoped(organizationId, id).and(WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT.eq(previousSecretCiphertext)))
                .execute() == 1;
    }

    @Override
    public boolean deleteEndpoint(OrganizationId organizationId, WebhookEndpointId id) {
        return dsl.deleteFrom(WEBHOOK_ENDPOINTS).where(scoped(organizationId, id)).execute() == 1;
    }

    @Override
    public List<WebhookAttempt> attempts(OrganizationId organizationId, WebhookEndpointId endpointId, int offset, int limit) {
        return dsl.select(WEBHOOK_ATTEMPTS.WEBHOOK_DELIVERY_ID, WEBHOOK_DELIVERIES.EVENT_TYPE, WEBHOOK_DELIVERIES.MESSAGE_ID,
                        WEBHOOK_ATTEMPTS.ATTEMPT, WEBHOOK_ATTEMPTS.ATTEMPTED_AT, WEBHOOK_ATTEMPTS.STATUS_CODE,
                        WEBHOOK_ATTEMPTS.LATENCY_MS, WEBHOOK_ATTEMPTS.RESPONSE_EXCERPT, WEBHOOK_ATTEMPTS.ERROR,
                        WEBHOOK_ATTEMPTS.NEXT_RETRY_AT, WEBHOOK_DELIVERIES.STATUS, WEBHOOK_DELIVERIES.ATTEMPTS)
                .from(WEBHOOK_ATTEMPTS)
                .join(WEBHOOK_DELIVERIES).on(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(WEBHOOK_ATTEMPTS.WEBHOOK_DELIVERY_ID))
                .where(WEBHOOK_ATTEMPTS.ORGANIZATION_ID.eq(organizationId))
                .and(WEBHOOK_ATTEMPTS.WEBHOOK_ENDPOINT_ID.eq(endpointId))
                .orderBy(WEBHOOK_ATTEMPTS.ATTEMPTED_AT.desc(), WEBHOOK_ATTEMPTS.ATTEMPT.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new WebhookAttempt(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), DeliveryStatus.fromDb(r.value11()),
                        r.value4().intValue() == r.value12().intValue()));
    }

    @Override
    public int countAttempts(OrganizationId organizationId, WebhookEndpointId endpointId) {
        return dsl.fetchCount(WEBHOOK_ATTEMPTS, WEBHOOK_ATTEMPTS.ORGANIZATION_ID.eq(organizationId)
                .and(WEBHOOK_ATTEMPTS.WEBHOOK_ENDPOINT_ID.eq(endpointId)));
    }

    @Override
    public Optional<DeliveryStatus> deliveryStatus(OrganizationId organizationId, WebhookDeliveryId id) {
        return dsl.select(WEBHOOK_DELIVERIES.STATUS).from(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.ORGANIZATION_ID.eq(organizationId).and(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id)))
                .fetchOptional(r -> DeliveryStatus.fromDb(r.value1()));
    }

    @Override
    public Optional<Integer> restartDelivery(OrganizationId organizationId, WebhookDeliveryId id) {
        return dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, DeliveryStatus.PENDING.dbValue())
                .set(WEBHOOK_DELIVERIES.ROUND_START, WEBHOOK_DELIVERIES.ATTEMPTS)
                .set(WEBHOOK_DELIVERIES.FAILURE_REASON, (String) null)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, DSL.currentOffsetDateTime())
                .set(WEBHOOK_DELIVERIES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WEBHOOK_DELIVERIES.ORGANIZATION_ID.eq(organizationId).and(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id)))
                .and(WEBHOOK_DELIVERIES.STATUS.ne(DeliveryStatus.PENDING.dbValue()))
                .returning(WEBHOOK_DELIVERIES.ATTEMPTS)
                .fetchOptional()
                .map(r -> r.getAttempts() + 1);
    }

    @Override
    public Optional<DeliveryToSend> deliveryToSend(WebhookDeliveryId id) {
        return dsl.select(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID, WEBHOOK_DELIVERIES.ORGANIZATION_ID,
                        WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID, WEBHOOK_ENDPOINTS.URL, WEBHOOK_ENDPOINTS.ENABLED,
                        WEBHOOK_ENDPOINTS.SECRET_CIPHERTEXT, WEBHOOK_ENDPOINTS.PREVIOUS_SECRET_CIPHERTEXT,
                        WEBHOOK_ENDPOINTS.PREVIOUS_SECRET_EXPIRES_AT, WEBHOOK_DELIVERIES.MESSAGE_ID,
                        WEBHOOK_DELIVERIES.PAYLOAD, WEBHOOK_DELIVERIES.STATUS, WEBHOOK_DELIVERIES.ATTEMPTS,
                        WEBHOOK_DELIVERIES.ROUND_START)
                .from(WEBHOOK_DELIVERIES)
                .join(WEBHOOK_ENDPOINTS).on(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(WEBHOOK_DELIVERIES.WEBHOOK_ENDPOINT_ID))
                .where(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id))
                .fetchOptional(r -> new DeliveryToSend(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), DeliveryStatus.fromDb(r.value11()),
                        r.value12(), r.value13()));
    }

    @Override
    public boolean claimAttempt(WebhookDeliveryId id, int attempt) {
        return dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, attempt)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(WEBHOOK_DELIVERIES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id))
                .and(WEBHOOK_DELIVERIES.ATTEMPTS.eq(attempt - 1))
                .and(WEBHOOK_DELIVERIES.STATUS.eq(DeliveryStatus.PENDING.dbValue()))
                .execute() == 1;
    }

    @Override
    public void insertAttempt(DeliveryToSend delivery, int attempt, HttpOutcome outcome,
                              @Nullable OffsetDateTime nextRetryAt) {
        dsl.insertInto(WEBHOOK_ATTEMPTS)
                .set(WEBHOOK_ATTEMPTS.WEBHOOK_ATTEMPT_ID, UUID.randomUUID())
                .set(WEBHOOK_ATTEMPTS.WEBHOOK_DELIVERY_ID, delivery.id())
                .set(WEBHOOK_ATTEMPTS.WEBHOOK_ENDPOINT_ID, delivery.endpointId())
                .set(WEBHOOK_ATTEMPTS.ORGANIZATION_ID, delivery.organizationId())
                .set(WEBHOOK_ATTEMPTS.ATTEMPT, attempt)
                .set(WEBHOOK_ATTEMPTS.STATUS_CODE, outcome.statusCode())
                .set(WEBHOOK_ATTEMPTS.LATENCY_MS, (int) Math.min(outcome.latencyMillis(), Integer.MAX_VALUE))
                .set(WEBHOOK_ATTEMPTS.RESPONSE_EXCERPT, truncate(outcome.responseExcerpt(), EXCERPT_CHARS))
                .set(WEBHOOK_ATTEMPTS.ERROR, truncate(outcome.error(), ERROR_CHARS))
                .set(WEBHOOK_ATTEMPTS.NEXT_RETRY_AT, nextRetryAt)
                .execute();
    }

    @Override
    public void finishDelivery(WebhookDeliveryId id, DeliveryStatus status, @Nullable String failureReason) {
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, status.dbValue())
                .set(WEBHOOK_DELIVERIES.FAILURE_REASON, truncate(failureReason, ERROR_CHARS))
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(WEBHOOK_DELIVERIES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id))
                .execute();
    }

    @Override
    public void scheduleRetry(WebhookDeliveryId id, OffsetDateTime nextAttemptAt) {
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(WEBHOOK_DELIVERIES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WEBHOOK_DELIVERIES.WEBHOOK_DELIVERY_ID.eq(id))
                .execute();
    }

    @Override
    public OffsetDateTime markFailing(WebhookEndpointId id) {
        // A streak of failures is unbroken only if the endpoint was tried within the longest gap of the
        // retry schedule (a day); after a quiet spell a failure starts a new streak instead of counting
        // the days nobody tried it.
        var triedLately = DSL.exists(DSL.selectOne().from(WEBHOOK_ATTEMPTS)
                .where(WEBHOOK_ATTEMPTS.WEBHOOK_ENDPOINT_ID.eq(id)
                        .and(WEBHOOK_ATTEMPTS.ATTEMPTED_AT.gt(OffsetDateTime.now().minusHours(25)))));
        return dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.FAILING_SINCE, DSL.when(WEBHOOK_ENDPOINTS.FAILING_SINCE.isNotNull().and(triedLately),
                        WEBHOOK_ENDPOINTS.FAILING_SINCE).otherwise(DSL.currentOffsetDateTime()))
                .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(id))
                .returning(WEBHOOK_ENDPOINTS.FAILING_SINCE)
                .fetchOptional()
                .map(r -> r.getFailingSince())
                .orElseGet(OffsetDateTime::now);
    }

    @Override
    public void markHealthy(WebhookEndpointId id) {
        dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.FAILING_SINCE, (OffsetDateTime) null)
                .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(id)).and(WEBHOOK_ENDPOINTS.FAILING_SINCE.isNotNull())
                .execute();
    }

    @Override
    public void disableAutomatically(WebhookEndpointId id, DisabledReason reason) {
        dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.ENABLED, false)
                .set(WEBHOOK_ENDPOINTS.DISABLED_REASON, reason.dbValue())
                .set(WEBHOOK_ENDPOINTS.DISABLED_AT, DSL.currentOffsetDateTime())
                .set(WEBHOOK_ENDPOINTS.VERSION, WEBHOOK_ENDPOINTS.VERSION.plus(1))
                .set(WEBHOOK_ENDPOINTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(id)).and(WEBHOOK_ENDPOINTS.ENABLED.isTrue())
                .execute();
    }

    private static Condition scoped(OrganizationId organizationId, WebhookEndpointId id) {
        return WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organizationId).and(WEBHOOK_ENDPOINTS.WEBHOOK_ENDPOINT_ID.eq(id));
    }

    private static @Nullable String truncate(@Nullable String text, int chars) {
        return text == null || text.length() <= chars ? text : text.substring(0, chars);
    }
}
