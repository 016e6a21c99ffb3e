package io.vidcastx.core.queue;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Queue tuning ({@code vidcastx.queue.*}).
 *
 * @param visibilityTimeout how long a claimed job stays with its worker without a heartbeat before
 *                          another worker may take it over
 * @param sweepInterval     how often each worker process dispatches due delayed jobs and reclaims
 *                          jobs whose worker died
 * @param redispatchAfter   a waiting job dispatched this long ago but still unclaimed is dispatched
 *                          again (its Redis message may have been lost with Redis)
 * @param blockTimeout      how long a worker's read waits on Redis before checking for shutdown
 * @param maxAttempts       default attempts before a job is marked failed
 * @param backoffBase       delay before the first retry; doubled for every further attempt
 * @param backoffCap        longest delay between two attempts
 * @param shutdownGrace     on a graceful stop (SIGTERM), how long running jobs may take to finish before
 *                          they are interrupted and handed straight back to the queue
 * @param nodeDirectory     where worker processes on this machine take their slot (their identity
 *                          across restarts); unset: {@code <data dir>/nodes} with the embedded
 *                          database, else {@code <tmp>/vidcastx-nodes}
 */
@ConfigurationProperties("vidcastx.queue")
public record QueueProperties(
        @DefaultValue("5m") Duration visibilityTimeout,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("30s") Duration redispatchAfter,
        @DefaultValue("1s") Duration blockTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffCap,
        @DefaultValue("30s") Duration shutdownGrace,
        @Nullable Path nodeDirectory) {

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} failures. */
    public Duration backoffAfter(int attempt) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = backoffBase.multipliedBy(1L << exponent);
        return delay.compareTo(backoffCap) > 0 ? backoffCap : delay;
    }

    Duration heartbeatInterval() {
        return visibilityTimeout.dividedBy(3);
    }
}
