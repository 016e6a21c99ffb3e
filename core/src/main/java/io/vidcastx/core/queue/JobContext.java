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
}
