package io.vidcastx.webhooks;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.WebhookJobData;
import io.vidcastx.core.webhooks.WebhookFanOut;
import io.vidcastx.core.webhooks.WebhookPayloads;
import io.vidcastx.db.ids.WebhookDeliveryId;
import io.vidcastx.db.ids.WebhookEndpointId;
import io.vidcastx.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints and their delivery log, for the dashboard. Anyone in the organization may look;
 * only an Admin or Owner adds, changes, enables, disables, deletes or resends, or sees a secret.
 */
@Service
public class WebhookService {

    static final int MAX_DESCRIPTION = 500;

    private final WebhookRepository repository;
    private final WebhookSecretCipher cipher;
    private final WebhookUrlPolicy urls;
    private final WebhookFanOut fanOut;
    private final WebhookPayloads payloads;
    private final JobQueue queue;
    private final WebhookProperties settings;

    WebhookService(WebhookRepository repository, WebhookSecretCipher cipher, WebhookUrlPolicy urls,
                   WebhookFanOut fanOut, WebhookPayloads payloads, JobQueue queue, WebhookProperties settings) {
        this.repository = repository;
        this.cipher = cipher;
        this.urls = urls;
        this.fanOut = fanOut;
        this.payloads = payloads;
        this.queue = queue;
        this.settings = settings;
    }

    /** What a person enters for an endpoint. */
    public record EndpointSettings(String url, String description, Set<String> eventTypes) {
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints(Caller caller) {
        return repository.endpoints(caller.organizationId());
    }

    @Transactional(readOnly = true)
    public Optional<WebhookEndpoint> endpoint(Caller caller, WebhookEndpointId id) {
        return repository.endpoint(caller.organizationId(), id);
    }

    /** @throws IllegalArgumentException with a message for the form when the settings are not valid */
    @Transactional
    public WebhookEndpoint create(Caller caller, EndpointSettings endpoint) {
        caller.require(Role.ADMIN, "add webhook endpoints");
        var valid = validate(endpoint);
        var id = WebhookEndpointId.random();
        repository.insertEndpoint(caller.organizationId(), id, valid.url(), valid.description(),
                cipher.encrypt(id, WebhookSignatures.newSecret()), valid.eventTypes());
        return repository.endpoint(caller.organizationId(), id).orElseThrow();
    }

    @Transactional
    public WebhookEndpoint update(Caller caller, WebhookEndpointId id, long version, EndpointSettings endpoint) {
        caller.require(Role.ADMIN, "change webhook endpoints");
        var valid = validate(endpoint);
        if (!repository.updateEndpoint(caller.organizationId(), id, version, valid.url(), valid.description(),
                valid.eventTypes())) {
            throw new IllegalStateException("The endpoint was changed or deleted meanwhile; reload and try again");
        }
        return repository.endpoint(caller.organizationId(), id).orElseThrow();
    }

    @Transactional
    public void setEnabled(Caller caller, WebhookEndpointId id, boolean enabled) {
        caller.require(Role.ADMIN, enabled ? "enable webhook endpoints" : "disable webhook endpoints");
        if (!repository.setEnabled(caller.organizationId(), id, enabled, enabled ? null : DisabledReason.MANUAL)) {
            throw new IllegalArgumentException("No such webhook endpoint");
        }
    }

    @Transactional
    public void delete(Caller caller, WebhookEndpointId id) {
        caller.require(Role.ADMIN, "delete webhook endpoints");
        if (!repository.deleteEndpoint(caller.organizationId(), id)) {
            throw new IllegalArgumentException("No such webhook endpoint");
        }
    }

    /** The secret receivers verify signatures with. */
    @Transactional(readOnly = true)
    public String signingSecret(Caller caller, WebhookEndpointId id) {
        caller.require(Role.ADMIN, "see webhook signing secrets");
        return cipher.decrypt(id, repository.secretCiphertext(caller.organizationId(), id)
                .orElseThrow(() -> new IllegalArgumentException("No such webhook endpoint")));
    }

    /**
     * A new secret signs from now on; the old one signs too for {@code previous-secret-grace}, so
     * receivers can switch without rejecting deliveries in between.
     *
     * @return the new secret
     */
    @Transactional
    public String rotateSecret(Caller caller, WebhookEndpointId id) {
        caller.require(Role.ADMIN, "rotate webhook signing secrets");
        String current = repository.secretCiphertext(caller.organizationId(), id)
                .orElseThrow(() -> new IllegalArgumentException("No such webhook endpoint"));
        String secret = WebhookSignatures.newSecret();
        if (!repository.replaceSecret(caller.organizationId(), id, cipher.encrypt(id, secret), current,
                OffsetDateTime.now().plus(settings.previousSecretGrace()))) {
            throw new IllegalStateException("Someone rotated this secret at the same moment; reload the page to see it");
        }
        return secret;
    }

    @Transactional(readOnly = true)
    public List<WebhookAttempt> attempts(Caller caller, WebhookEndpointId id, int offset, int limit) {
        return repository.attempts(caller.organizationId(), id, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countAttempts(Caller caller, WebhookEndpointId id) {
        return repository.countAttempts(caller.organizationId(), id);
    }

    /** Sends a finished delivery again: same webhook-id and body, a new round of the retry schedule. */
    @Transactional
    public void resend(Caller caller, WebhookDeliveryId id) {
        caller.require(Role.ADMIN, "resend webhooks");
        var status = repository.deliveryStatus(caller.organizationId(), id)
                .orElseThrow(() -> new IllegalArgumentException("No such delivery"));
        if (status == DeliveryStatus.PENDING) {
            throw new IllegalStateException("This delivery is still being tried; its next attempt is scheduled");
        }
        int nextAttempt = repository.restartDelivery(caller.organizationId(), id)
                .orElseThrow(() -> new IllegalStateException("This delivery is already being sent again"));
        queue.enqueue(Queues.WEBHOOKS, new WebhookJobData(id.value(), nextAttempt));
    }

    /** Sends a {@code webhook.test} event to the endpoint, whatever it subscribes to. */
    @Transactional
    public WebhookDeliveryId sendTestEvent(Caller caller, WebhookEndpointId id) {
        caller.require(Role.ADMIN, "send test webhooks");
        var endpoint = repository.endpoint(caller.organizationId(), id)
                .orElseThrow(() -> new IllegalArgumentException("No such webhook endpoint"));
        if (!endpoint.enabled()) {
            throw new IllegalStateException("Enable the endpoint before sending it a test event");
        }
        var eventId = UUID.randomUUID();
        String body = payloads.body(new WebhookPayloads.Event(eventId.toString(), WebhookEventTypes.TEST,
                "webhook_endpoint", id.toString(), Map.of("message", "A test event from Vidcastx"),
                OffsetDateTime.now(), caller.organizationId(), organizationName(caller)));
        return fanOut.createDelivery(id, caller.organizationId(), null, WebhookFanOut.messageId(eventId),
                WebhookEventTypes.TEST, body);
    }

    /** Endpoints Vidcastx turned off, which the organization should hear about. */
    @Transactional(readOnly = true)
    public List<WebhookEndpoint> automaticallyDisabled(Caller caller) {
        return repository.automaticallyDisabled(caller.organizationId());
    }

    private String organizationName(Caller caller) {
        return repository.organizationName(caller.organizationId());
    }

    private EndpointSettings validate(EndpointSettings endpoint) {
        String url = urls.check(endpoint.url()).toString();
        String description = endpoint.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("Keep the description under " + MAX_DESCRIPTION + " characters");
        }
        if (endpoint.eventTypes().isEmpty()) {
            throw new IllegalArgumentException("Choose at least one event");
        }
        var unknown = endpoint.eventTypes().stream().filter(type -> !WebhookEventTypes.ALL.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown event types: " + String.join(", ", unknown));
        }
        var ordered = new LinkedHashSet<String>();
        WebhookEventTypes.ALL.stream().filter(endpoint.eventTypes()::contains).forEach(ordered::add);
        return new EndpointSettings(url, description, ordered);
    }
}
