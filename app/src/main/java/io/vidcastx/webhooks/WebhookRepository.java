package io.vidcastx.webhooks;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import org.jspecify.annotations.Nullable;

/**
 * Endpoints, deliveries and attempts. Everything the dashboard reads or changes is scoped to an
 * organization; the worker's methods take a delivery or endpoint id that came from a job it was given.
 */
public interface WebhookRepository {

    void insertEndpoint(OrganizationId organizationId, WebhookEndpointId id, String url, String description,
                        String secretCiphertext, Collection<String> eventTypes);

    /** @return false when the endpoint is gone or was changed since {@code version} was read */
    boolean updateEndpoint(OrganizationId organizationId, WebhookEndpointId id, long version, String url,
                           String description, Collection<String> eventTypes);

    List<WebhookEndpoint> endpoints(OrganizationId organizationId);

    Optional<WebhookEndpoint> endpoint(OrganizationId organizationId, WebhookEndpointId id);

    String organizationName(OrganizationId organizationId);

    Optional<String> secretCiphertext(OrganizationId organizationId, WebhookEndpointId id);

    /** Turns an endpoint on (clearing any failure record) or off for {@code reason}. */
    boolean setEnabled(OrganizationId organizationId, WebhookEndpointId id, boolean enabled,
                       @Nullable DisabledReason reason);

    boolean replaceSecret(OrganizationId organizationId, WebhookEndpointId id, String secretCiphertext,
                          String previousSecretCiphertext, OffsetDateTime previousSecretExpiresAt);

    boolean deleteEndpoint(OrganizationId organizationId, WebhookEndpointId id);

    /** Endpoints Vidcastx turned off (410 Gone, failing for days), for the dashboard's notice. */
    List<WebhookEndpoint> automaticallyDisabled(OrganizationId organizationId);

    /** The endpoint's attempts, newest first. */
    List<WebhookAttempt> attempts(OrganizationId organizationId, WebhookEndpointId endpointId, int offset, int limit);

    int countAttempts(OrganizationId organizationId, WebhookEndpointId endpointId);

    Optional<DeliveryStatus> deliveryStatus(OrganizationId organizationId, WebhookDeliveryId id);

    /** Starts a finished delivery over with a new round of the schedule; the next attempt's number. */
    Optional<Integer> restartDelivery(OrganizationId organizationId, WebhookDeliveryId id);

    // The worker's side.

    Optional<DeliveryToSend> deliveryToSend(WebhookDeliveryId id);

    /**
     * Takes attempt {@code attempt} for the caller: false when it was already recorded (the same job
     * run twice) or the delivery is no longer pending.
     */
    boolean claimAttempt(WebhookDeliveryId id, int attempt);

    void insertAttempt(DeliveryToSend delivery, int attempt, HttpOutcome outcome, @Nullable OffsetDateTime nextRetryAt);

    void finishDelivery(WebhookDeliveryId id, DeliveryStatus status, @Nullable String failureReason);

    void scheduleRetry(WebhookDeliveryId id, OffsetDateTime nextAttemptAt);

    /** Records a failure; @return since when the endpoint's attempts have all been failing */
    OffsetDateTime markFailing(WebhookEndpointId id);

    void markHealthy(WebhookEndpointId id);

    void disableAutomatically(WebhookEndpointId id, DisabledReason reason);
}
