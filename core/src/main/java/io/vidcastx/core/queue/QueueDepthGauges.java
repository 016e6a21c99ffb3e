package io.vidcastx.core.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code vidcastx.queue.depth{queue, status}}: jobs waiting (due or delayed) and running in each of
 * the platform's queues, counted in PostgreSQL, the queue's record. One grouped query serves every
 * gauge of a scrape; its answer is kept briefly so a scrape does not query once per gauge.
 */
public final class QueueDepthGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final List<String> QUEUES = List.of(Queues.VIDEO_PROCESSING.name(), Queues.AI_JOBS.name(),
            Queues.WEBHOOKS.name());
    private static final List<JobStatus> STATUSES = List.of(JobStatus.WAITING, JobStatus.ACTIVE);

    private final JobRepository jobs;
    private volatile Map<String, Map<String, Integer>> counts = Map.of();
    private volatile long countedAt;

    QueueDepthGauges(JobRepository jobs, MeterRegistry meters) {
        this.jobs = jobs;
        for (String queue : QUEUES) {
            for (JobStatus status : STATUSES) {
                Gauge.builder("vidcastx.queue.depth", () -> count(queue, status.dbValue()))
                        .description("Jobs in the queue by status (waiting includes delayed retries)")
                        .tag("queue", queue).tag("status", status.dbValue())
                        .register(meters);
            }
        }
    }

    private synchronized int count(String queue, String status) {
        if (System.nanoTime() - countedAt > FRESH_FOR.toNanos() || counts.isEmpty()) {
            counts = jobs.countUnfinishedByQueue();
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(queue, Map.of()).getOrDefault(status, 0);
    }
}
