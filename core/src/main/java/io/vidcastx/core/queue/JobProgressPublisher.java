package io.vidcastx.core.queue;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.db.ids.JobId;

/**
 * Publishes job progress on a Redis channel so every app instance can push it to open dashboards.
 * Progress is also stored on the job row; a lost message only delays the display.
 */
final class JobProgressPublisher {

    /** Messages are {@code <queue> <jobId> <percent>}. */
    static final String CHANNEL = "vidcastx:job-progress";

    private final StatefulRedisConnection<String, String> redis;

    JobProgressPublisher(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    void publish(String queue, JobId jobId, int percent) {
        try {
            redis.async().publish(CHANNEL, queue + " " + jobId + " " + percent);
        } catch (RuntimeException e) {
            // Progress is advisory and already stored in PostgreSQL.
        }
    }
}
