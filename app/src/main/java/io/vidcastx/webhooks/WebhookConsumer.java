package io.vidcastx.webhooks;

import java.time.Duration;

import io.vidcastx.core.queue.JobWorker;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.WebhookJobData;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Consumes the {@code webhooks} queue in every app process, once the context is up. Pending
 * deliveries and their delayed retries are jobs in PostgreSQL, so whichever app process runs next
 * (after a restart, or another instance) sends them.
 */
final class WebhookConsumer {

    private final JobWorkers workers;
    private final WebhookDeliverer deliverer;
    private final int concurrency;
    private @Nullable JobWorker<WebhookJobData> worker;

    WebhookConsumer(JobWorkers workers, WebhookDeliverer deliverer, int concurrency) {
        this.workers = workers;
        this.deliverer = deliverer;
        this.concurrency = concurrency;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (worker == null) {
            worker = workers.createWorker(Queues.WEBHOOKS, deliverer, concurrency);
        }
    }

    /** Stops consuming (running deliveries get {@code grace} to finish); the queue keeps the rest. */
    synchronized void stop(Duration grace) {
        if (worker != null) {
            workers.stopWorker(worker, grace);
            worker = null;
        }
    }
}
