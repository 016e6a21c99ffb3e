package io.vidcastx.core.queue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.db.ids.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a job on its queue's Redis stream. Only the id travels; the job itself is in PostgreSQL,
 * so a lost announcement costs latency (the sweeper announces again), never the job.
 */
final class JobDispatcher {

    private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);
    static final String JOB_FIELD = "job";
    /** Acknowledged entries are dead weight; keep the stream bounded (trimmed entries are re-announced). */
    private static final long MAX_STREAM_LENGTH = 100_000;

    private final StatefulRedisConnection<String, String> redis;

    JobDispatcher(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    static String streamKey(String queue) {
        return "vidcastx:queue:" + queue;
    }

    /**
     * Announces without waiting for Redis's answer, so an enqueue costs one PostgreSQL round trip and a
     * write to the socket. The stage completes with false when Redis refused or could not be reached
     * (commands are rejected while disconnected and time out otherwise, see RedisConfiguration).
     */
    CompletionStage<Boolean> dispatchAsync(String queue, JobId jobId) {
        try {
            return redis.async().xadd(streamKey(queue), XAddArgs.Builder.maxlen(MAX_STREAM_LENGTH).approximateTrimming(),
                            JOB_FIELD, jobId.toString())
                    .handle((messageId, e) -> {
                        if (e != null) {
                            log.warn("Could not announce job {} on queue {} ({}); the sweeper will announce it again",
                                    jobId, queue, e.toString());
                            return false;
                        }
                        return true;
                    });
        } catch (RuntimeException e) {
            log.warn("Could not announce job {} on queue {} ({}); the sweeper will announce it again",
                    jobId, queue, e.toString());
            return CompletableFuture.completedFuture(false);
        }
    }

    /** @return false when Redis refused or could not be reached */
    boolean dispatch(String queue, JobId jobId) {
        try {
            redis.sync().xadd(streamKey(queue), XAddArgs.Builder.maxlen(MAX_STREAM_LENGTH).approximateTrimming(),
                    JOB_FIELD, jobId.toString());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not announce job {} on queue {} ({}); the sweeper will announce it again",
                    jobId, queue, e.toString());
            return false;
        }
    }
}
