package io.vidcastx.core.queue;

import java.util.Optional;

import io.vidcastx.core.database.AfterCommit;
import io.vidcastx.db.ids.JobId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues jobs. Call it inside the transaction that creates the job's subject (a video row, say):
 * the job row commits or rolls back with it, and the job is announced to workers only after commit,
 * so no worker ever sees a job whose data is not yet visible.
 */
public class JobQueue {

    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JsonMapper json;
    private final QueueProperties properties;

    JobQueue(JobRepository jobs, JobDispatcher dispatcher, JsonMapper json, QueueProperties properties) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.json = json;
        this.properties = properties;
    }

    public <T> JobId enqueue(QueueDefinition<T> queue, T payload) {
        return enqueue(queue, payload, EnqueueOptions.DEFAULT);
    }

    public <T> JobId enqueue(QueueDefinition<T> queue, T payload, EnqueueOptions options) {
        if (!queue.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException("Queue " + queue.name() + " takes " + queue.payloadType().getName());
        }
        var id = JobId.random();
        int maxAttempts = options.maxAttempts() != null ? options.maxAttempts() : properties.maxAttempts();
        jobs.insert(id, queue.name(), json.writeValueAsString(payload), maxAttempts, options.delay());
        if (options.delay().isZero()) {
            AfterCommit.run(() -> announce(queue.name(), id));
        }
        // Delayed jobs are announced by the sweeper once they are due.
        return id;
    }

    public Optional<Job> find(JobId id) {
        return jobs.find(id);
    }

    /** Starts a failed job over with fresh attempts; false when it is not failed. */
    public boolean retry(JobId id) {
        boolean requeued = jobs.requeueFailed(id);
        if (requeued) {
            var queue = jobs.find(id).orElseThrow().queue();
            AfterCommit.run(() -> announce(queue, id));
        }
        return requeued;
    }

    private void announce(String queue, JobId id) {
        // Off Lettuce's I/O thread: marking the job undispatched is a database call.
        dispatcher.dispatchAsync(queue, id).thenAcceptAsync(announced -> {
            if (!announced) {
                jobs.markUndispatched(id);
            }
        });
    }
}
