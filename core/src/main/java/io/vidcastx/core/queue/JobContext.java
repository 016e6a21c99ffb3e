package io.vidcastx.core.queue;

import io.vidcastx.db.ids.JobId;

/** What a running handler may know and report about its job. */
public interface JobContext {

    JobId jobId();

    /** 1 on the first attempt. */
    int attempt();

    int maxAttempts();

    /** Records progress (0-100) in PostgreSQL and publishes it for live dashboards; also a heartbeat. */
    void reportProgress(int percent);

    /** True once the job was taken from this worker (lease lost) or the worker is shutting down. */
    boolean isCancelled();

    /**
     * Asks the database, now, whether the job is still this worker's, and renews the lease if so.
     * Called inside the transaction that commits a handler's results, it also keeps the job row
     * locked until that transaction ends, so no other worker can take the job over in between.
     *
     * @return false when another worker took the job over or this worker is stopping
     */
    default boolean confirmLease() {
        return !isCancelled();
    }
}
