package io.vidcastx.core.queue;

/**
 * Does the work of one job. Delivery is at least once: a job whose worker died is run again, so a
 * handler must be idempotent. It commits its own results; the job is acknowledged after it returns.
 * Throwing retries the job with backoff; throwing {@link PermanentJobFailure} fails it at once.
 */
@FunctionalInterface
public interface JobHandler<T> {

    void handle(T payload, JobContext context) throws Exception;
}
