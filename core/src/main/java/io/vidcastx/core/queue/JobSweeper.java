package io.vidcastx.core.queue;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's record and Redis's dispatch in step, once per sweep interval in every worker
 * process: takes back jobs whose worker died, and announces jobs that are due but were never
 * announced (delayed jobs, retries) or whose announcement was lost with Redis.
 */
final class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private static final int BATCH = 500;

    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final QueueProperties properties;
    private @Nullable ScheduledFuture<?> schedule;
    private int consecutiveErrors;

    JobSweeper(JobRepository jobs, JobDispatcher dispatcher, QueueProperties properties) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    synchronized void start(ScheduledExecutorService timers) {
        if (schedule == null) {
            long interval = properties.sweepInterval().toMillis();
            schedule = timers.scheduleWithFixedDelay(this::sweepSafely, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    /** One sweep; returns the number of jobs announced. */
    int sweep() {
        int reclaimed = jobs.reclaimExpired();
        if (reclaimed > 0) {
            log.info("Took back {} jobs whose worker stopped responding", reclaimed);
        }
        int announced = 0;
        while (true) {
            var due = jobs.takeDue(properties.redispatchAfter(), BATCH);
            for (var job : due) {
                if (dispatcher.dispatch(job.queue(), job.id())) {
                    announced++;
                } else {
                    jobs.markUndispatched(job.id());
                }
            }
            if (due.size() < BATCH) {
                return announced;
            }
        }
    }

    private void sweepSafely() {
        try {
            sweep();
            consecutiveErrors = 0;
        } catch (RuntimeException e) {
            consecutiveErrors++;
            if (consecutiveErrors == 1 || consecutiveErrors % 60 == 0) {
                log.warn("Queue sweep failed ({} times in a row): {}", consecutiveErrors, e.toString());
            }
        }
    }
}
