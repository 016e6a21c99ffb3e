package io.vidcastx.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.vidcastx.core.queue.EnqueueOptions;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.WebhookJobData;
import io.vidcastx.db.ids.WebhookDeliveryId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code webhooks} queue's handler: makes one attempt of one delivery, then records it and
 * decides what follows, in one transaction: done (any 2xx), endpoint disabled (410, or failing for
 * {@code disable-after}), the next attempt enqueued with the schedule's delay (or Retry-After's, if
 * longer), or given up. The HTTP call happens outside any transaction.
 */
final class WebhookDeliverer implements JobHandler<WebhookJobData> {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final WebhookRepository repository;
    private final WebhookSecretCipher cipher;
    private final WebhookTransport transport;
    private final JobQueue queue;
    private final TransactionTemplate transactions;
    private final WebhookProperties settings;

    WebhookDeliverer(WebhookRepository repository, WebhookSecretCipher cipher, WebhookTransport transport,
                     JobQueue queue, TransactionTemplate transactions, WebhookProperties settings) {
        this.repository = repository;
        this.cipher = cipher;
        this.transport = transport;
        this.queue = queue;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void handle(WebhookJobData job, JobContext context) {
        try {
            deliver(job);
        } catch (RuntimeException e) {
            if (context.attempt() >= context.maxAttempts()) {
                // The queue gives up on this job: say so on the delivery, so it does not stay pending for ever
                // and can be resent from the log.
                transactions.executeWithoutResult(status -> repository.finishDelivery(
                        new WebhookDeliveryId(job.deliveryId()), DeliveryStatus.FAILED, "Could not be sent: " + e.getMessage()));
            }
            throw e;
        }
    }

    private void deliver(WebhookJobData job) {
        var found = repository.deliveryToSend(new WebhookDeliveryId(job.deliveryId()));
        if (found.isEmpty()) {
            return; // Its endpoint was deleted.
        }
        var delivery = found.get();
        if (delivery.status() != DeliveryStatus.PENDING || delivery.attempts() != job.attempt() - 1) {
            return; // This attempt was made already, or a resend started a new round.
        }
        if (!delivery.endpointEnabled()) {
            transactions.executeWithoutResult(status -> repository.finishDelivery(delivery.id(), DeliveryStatus.FAILED,
                    "The endpoint is disabled"));
            return;
        }
        List<String> secrets;
        try {
            secrets = secrets(delivery);
        } catch (IllegalStateException e) {
            // Retrying cannot help: only the right encryption key (or a rotated secret) can.
            transactions.executeWithoutResult(status -> repository.finishDelivery(delivery.id(), DeliveryStatus.FAILED,
                    e.getMessage()));
            log.warn("Webhook delivery {} not sent: {}", delivery.id(), e.getMessage());
            return;
        }
        var headers = WebhookSignatures.headers(delivery.messageId(), System.currentTimeMillis() / 1000,
                delivery.payload(), secrets);
        var outcome = transport.post(URI.create(delivery.url()), headers,
                delivery.payload().getBytes(StandardCharsets.UTF_8));
        transactions.executeWithoutResult(status -> record(delivery, job.attempt(), outcome));
    }

    private List<String> secrets(DeliveryToSend delivery) {
        var secrets = new ArrayList<String>(2);
        secrets.add(cipher.decrypt(delivery.endpointId(), delivery.secretCiphertext()));
        if (delivery.previousSecretCiphertext() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().isAfter(OffsetDateTime.now())) {
            secrets.add(cipher.decrypt(delivery.endpointId(), delivery.previousSecretCiphertext()));
        }
        return secrets;
    }

    private void record(DeliveryToSend delivery, int attempt, HttpOutcome outcome) {
        if (!repository.claimAttempt(delivery.id(), attempt)) {
            return; // Another run of this job recorded the attempt first.
        }
        OffsetDateTime nextRetryAt = null;
        if (outcome.succeeded()) {
            repository.finishDelivery(delivery.id(), DeliveryStatus.SUCCEEDED, null);
            repository.markHealthy(delivery.endpointId());
        } else if (outcome.gone()) {
            repository.finishDelivery(delivery.id(), DeliveryStatus.FAILED, "The endpoint answered 410 Gone and was disabled");
            repository.disableAutomatically(delivery.endpointId(), DisabledReason.GONE);
            log.info("Webhook endpoint {} answered 410 Gone: disabled", delivery.endpointId());
        } else {
            nextRetryAt = afterFailure(delivery, attempt, outcome);
        }
        repository.insertAttempt(delivery, attempt, outcome, nextRetryAt);
    }

    /** @return when the next attempt runs, null when there is none */
    private @Nullable OffsetDateTime afterFailure(DeliveryToSend delivery, int attempt, HttpOutcome outcome) {
        var now = OffsetDateTime.now();
        OffsetDateTime failingSince = repository.markFailing(delivery.endpointId());
        if (!failingSince.plus(settings.disableAfter()).isAfter(now)) {
            repository.finishDelivery(delivery.id(), DeliveryStatus.FAILED, "The endpoint has failed every attempt since "
                    + failingSince + " and was disabled");
            repository.disableAutomatically(delivery.endpointId(), DisabledReason.FAILING);
            log.info("Webhook endpoint {} failing since {}: disabled", delivery.endpointId(), failingSince);
            return null;
        }
        int attemptsThisRound = attempt - delivery.roundStart();
        if (attemptsThisRound >= settings.attemptsPerRound()) {
            repository.finishDelivery(delivery.id(), DeliveryStatus.FAILED,
                    "Gave up after " + attemptsThisRound + " attempts: " + outcome.error());
            return null;
        }
        Duration delay = settings.retrySchedule().get(attemptsThisRound - 1);
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(delay) > 0) {
            delay = outcome.retryAfter();
        }
        var next = now.plus(delay);
        repository.scheduleRetry(delivery.id(), next);
        queue.enqueue(Queues.WEBHOOKS, new WebhookJobData(delivery.id().value(), attempt + 1), EnqueueOptions.delayed(delay));
        return next;
    }
}
