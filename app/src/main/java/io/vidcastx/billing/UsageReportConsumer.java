package io.vidcastx.billing;

import io.vidcastx.core.queue.JobWorker;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.UsageReportJobData;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the {@code usage-reports} queue in every app process once the context is up, one report at
 * a time (a handful of reports a month per organization; Stripe's meter-event rate limit is the
 * constraint, not throughput). Reports waiting out a backoff are jobs in PostgreSQL, so whichever app
 * process runs next sends them.
 */
@Component
class UsageReportConsumer {

    private final JobWorkers workers;
    private final UsageReporter reporter;
    private @Nullable JobWorker<UsageReportJobData> worker;

    UsageReportConsumer(JobWorkers workers, UsageReporter reporter) {
        this.workers = workers;
        this.reporter = reporter;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (worker == null) {
            worker = workers.createWorker(Queues.USAGE_REPORTS, reporter, 1);
        }
    }
}
