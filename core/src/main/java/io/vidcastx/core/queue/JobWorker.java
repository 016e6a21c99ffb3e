package io.vidcastx.core.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.jooq.tables.records.JobsRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one queue with up to {@code concurrency} jobs at a time. A job's Redis message is read
 * through a consumer group, the job is claimed in PostgreSQL (the claim, not the message, decides who
 * runs it), the handler runs under a heartbeat-renewed lease, the outcome is committed, and only then
 * is the message acknowledged.
 */
public final class JobWorker<T> implements AutoCloseable {

    static final String GROUP = "workers";
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final QueueDefinition<T> queue;
    private final JobHandler<T> handler;
    private final int concurrency;
    private final String consumerName;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> sharedConnection;
    private final JobRepository jobs;
    private final JsonMapper json;
    private final QueueProperties properties;
    private final ScheduledExecutorService timers;
    private final Semaphore freeSlots;
    private final ExecutorService executor;
    private final AtomicInteger runningJobs = new AtomicInteger();
    private final WorkerNode node;
    private final MeterRegistry meters;

    private volatile boolean running;
    /** Set by {@link #halt()}: behave like a process that died, touching neither PostgreSQL nor Redis. */
    private volatile boolean halted;
    private @Nullable Thread reader;
    private @Nullable StatefulRedisConnection<String, String> readConnection;

    JobWorker(QueueDefinition<T> queue, JobHandler<T> handler, int concurrency, RedisClient redisClient,
              StatefulRedisConnection<String, String> sharedConnection, JobRepository jobs, JsonMapper json,
              QueueProperties properties, ScheduledExecutorService timers,
              WorkerNode node, MeterRegistry meters) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.queue = queue;
        this.handler = handler;
        this.concurrency = concurrency;
        this.redisClient = redisClient;
        this.sharedConnection = sharedConnection;
        this.jobs = jobs;
        this.json = json;
        this.properties = properties;
        this.timers = timers;
        this.freeSlots = new Semaphore(concurrency);
        this.node = node;
        this.meters = meters;
        this.consumerName = node.id() + ":" + queue.name() + ":" + UUID.randomUUID().toString().substring(0, 8);
        var threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(concurrency,
                r -> Thread.ofPlatform().name("job-" + queue.name() + "-" + threads.incrementAndGet()).unstarted(r));
    }

    public QueueDefinition<T> queue() {
        return queue;
    }

    public int concurrency() {
        return concurrency;
    }

    /** The name this worker uses in the consumer group and as the lease holder of its jobs. */
    public String consumerName() {
        return consumerName;
    }

    /** Jobs this worker is running right now. */
    public int runningJobs() {
        return runningJobs.get();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        readConnection = redisClient.connect();
        reader = Thread.ofPlatform().name("queue-reader-" + queue.name()).start(this::readLoop);
        log.info("Worker {} consuming '{}' with concurrency {}", consumerName, queue.name(), concurrency);
    }

    /**
     * Stops reading, lets running jobs finish for up to {@code grace}, then interrupts them and hands
     * their jobs straight back to the queue.
     */
    public void stop(Duration grace) {
        running = false;
        // The reader may be waiting for a free slot (all busy) or on Redis: wake it so it takes nothing more.
        var thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
        joinReader();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeReadConnection();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /**
     * Stops dead, as if the process were killed: no more heartbeats, no outcome recorded, no message
     * acknowledged. Another worker takes its jobs over once their lease runs out.
     */
    void halt() {
        halted = true;
        running = false;
        executor.shutdownNow();
        joinReader();
        closeReadConnection();
    }

    private void readLoop() {
        var read = readConnection;
        if (read == null) {
            return;
        }
        ensureGroup();
        long nextReclaim = System.nanoTime();
        int consecutiveErrors = 0;
        while (running) {
            int taken = 0;
            try {
                freeSlots.acquire();
                taken = 1 + freeSlots.drainPermits();
                List<StreamMessage<String, String>> messages;
                if (System.nanoTime() - nextReclaim >= 0) {
                    messages = reclaimStale(read, taken);
                    nextReclaim = System.nanoTime() + properties.visibilityTimeout().toNanos() / 2;
                } else {
                    messages = read.sync().xreadgroup(Consumer.from(GROUP, consumerName),
                            XReadArgs.Builder.block(properties.blockTimeout()).count(taken),
                            XReadArgs.StreamOffset.lastConsumed(queue.streamKey()));
                }
                freeSlots.release(taken - messages.size());
                taken = 0;
                claimAndRun(messages);
                consecutiveErrors = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                freeSlots.release(taken);
                if (!running) {
                    break;
                }
                consecutiveErrors++;
                if (isMissingGroup(e)) {
                    // Redis lost the stream (restart without persistence): recreate it and carry on.
                    log.warn("Consumer group for '{}' is gone; recreating it", queue.name());
                    ensureGroup();
                } else if (consecutiveErrors == 1 || consecutiveErrors % 30 == 0) {
                    log.warn("Worker for '{}' cannot read from Redis ({} times in a row): {}", queue.name(),
                            consecutiveErrors, e.toString());
                }
                pauseAfterError(consecutiveErrors);
            }
        }
    }

    /** Messages delivered to a consumer that died and were never acknowledged. */
    private List<StreamMessage<String, String>> reclaimStale(StatefulRedisConnection<String, String> read, int count) {
        var claimed = read.sync().xautoclaim(queue.streamKey(),
                XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumerName), properties.visibilityTimeout(), "0-0")
                        .count(count));
        return claimed.getMessages();
    }

    /**
     * Claims the jobs of a batch of messages in one statement and hands each claimed job to a slot. A
     * message whose job cannot be claimed (done, failed, not due, running elsewhere) or that names no
     * job has nothing left to say and is acknowledged; each of those gives its slot back at once.
     */
    private void claimAndRun(List<StreamMessage<String, String>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        var byJob = new LinkedHashMap<JobId, StreamMessage<String, String>>();
        for (var message : messages) {
            String id = message.getBody().get(JobDispatcher.JOB_FIELD);
            try {
                // A job dispatched twice (sweeper and enqueue) can sit twice in one batch: run it once.
                var duplicate = byJob.put(JobId.parse(id), message);
                if (duplicate != null) {
                    acknowledge(duplicate);
                    freeSlots.release();
                }
            } catch (RuntimeException e) {
                log.warn("Dropping malformed message {} on '{}': {}", message.getId(), queue.name(), message.getBody());
                acknowledge(message);
                freeSlots.release();
            }
        }
        List<JobsRecord> claimed;
        try {
            claimed = jobs.claimAll(List.copyOf(byJob.keySet()), consumerName, node, properties.visibilityTimeout());
        } catch (RuntimeException e) {
            // PostgreSQL is unreachable: leave the messages pending; they are reclaimed and delivered again.
            log.warn("Could not claim {} job(s) on '{}': {}", byJob.size(), queue.name(), e.toString());
            freeSlots.release(byJob.size());
            return;
        }
        for (var job : claimed) {
            var message = byJob.remove(job.getJobId());
            executor.execute(() -> {
                try {
                    runningJobs.incrementAndGet();
                    try {
                        run(job);
                    } finally {
                        runningJobs.decrementAndGet();
                    }
                    if (!halted) {
                        acknowledge(message);
                    }
                } finally {
                    freeSlots.release();
                }
            });
        }
        for (var unclaimed : byJob.values()) {
            acknowledge(unclaimed);
            freeSlots.release();
        }
    }

    private void run(JobsRecord job) {
        long started = System.nanoTime();
        String outcome = run(job, new RunningJob(job.getJobId(), job.getAttempts(), job.getMaxAttempts()));
        if (outcome != null) {
            Timer.builder("vidcastx.jobs")
                    .description("Jobs run by this process, by queue and outcome")
                    .tag("queue", queue.name()).tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the job and records its outcome; returns that outcome for the metrics, null when halted. */
    private @Nullable String run(JobsRecord job, RunningJob context) {
        ScheduledFuture<?> heartbeat = timers.scheduleAtFixedRate(context::heartbeat,
                properties.heartbeatInterval().toMillis(), properties.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            T payload = readPayload(job);
            handler.handle(payload, context);
            heartbeat.cancel(false);
            if (halted) {
                return null;
            }
            if (!jobs.complete(job.getJobId(), consumerName)) {
                log.warn("Job {} finished after its lease was lost; another worker may have run it too", job.getJobId());
                return "lease_lost";
            }
            return "completed";
        } catch (PermanentJobFailure e) {
            heartbeat.cancel(false);
            if (halted) {
                return null;
            }
            log.info("Job {} on '{}' failed for good: {}", job.getJobId(), queue.name(), e.getMessage());
            jobs.fail(job.getJobId(), consumerName, message(e));
            return "failed";
        } catch (Throwable e) {
            heartbeat.cancel(false);
            if (halted) {
                return null;
            }
            if (e instanceof InterruptedException || (!running && Thread.currentThread().isInterrupted())) {
                // Shutting down, not the job's fault: hand it back for another worker at once.
                jobs.retryLater(job.getJobId(), consumerName, "Interrupted by worker shutdown", Duration.ZERO);
                return "handed_back";
            }
            if (job.getAttempts() < job.getMaxAttempts()) {
                Duration backoff = properties.backoffAfter(job.getAttempts());
                log.info("Job {} on '{}' failed attempt {} of {}; retrying in {}: {}", job.getJobId(), queue.name(),
                        job.getAttempts(), job.getMaxAttempts(), backoff, e.toString());
                jobs.retryLater(job.getJobId(), consumerName, message(e), backoff);
                return "retried";
            }
            log.warn("Job {} on '{}' failed its last attempt ({}): {}", job.getJobId(), queue.name(),
                    job.getAttempts(), e.toString());
            jobs.fail(job.getJobId(), consumerName, message(e));
            return "failed";
        } finally {
            heartbeat.cancel(false);
        }
    }

    private T readPayload(JobsRecord job) {
        try {
            return json.readValue(job.getPayload().data(), queue.payloadType());
        } catch (RuntimeException e) {
            throw new PermanentJobFailure("The job's payload is not a valid " + queue.payloadType().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Acknowledges without waiting for Redis's answer: the outcome is already committed in PostgreSQL, so
     * a lost acknowledgement only means the message is reclaimed later, found finished, and acknowledged then.
     */
    private void acknowledge(StreamMessage<String, String> message) {
        try {
            sharedConnection.async().xack(queue.streamKey(), GROUP, message.getId())
                    .exceptionally(e -> {
                        log.debug("Could not acknowledge {} on '{}': {}", message.getId(), queue.name(), e.toString());
                        return 0L;
                    });
        } catch (RuntimeException e) {
            log.debug("Could not acknowledge {} on '{}': {}", message.getId(), queue.name(), e.toString());
        }
    }

    private void ensureGroup() {
        try {
            sharedConnection.sync().xgroupCreate(XReadArgs.StreamOffset.from(queue.streamKey(), "0"), GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: it exists already.
        } catch (RuntimeException e) {
            log.warn("Could not create consumer group for '{}': {}", queue.name(), e.toString());
        }
    }

    private static boolean isMissingGroup(RuntimeException e) {
        return e instanceof RedisCommandExecutionException && e.getMessage() != null
                && e.getMessage().startsWith("NOGROUP");
    }

    private static void pauseAfterError(int consecutiveErrors) {
        try {
            Thread.sleep(Math.min(100L * consecutiveErrors, 2000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinReader() {
        var thread = reader;
        if (thread != null) {
            try {
                thread.join(properties.blockTimeout().toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeReadConnection() {
        var connection = readConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("Closing the read connection failed", e);
            }
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The handler's view of its job, and the lease it renews. */
    private final class RunningJob implements JobContext {

        private final JobId id;
        private final int attempt;
        private final int maxAttempts;
        private volatile boolean leaseLost;
        private volatile int lastProgress = -1;
        private volatile long lastProgressAt;

        RunningJob(JobId id, int attempt, int maxAttempts) {
            this.id = id;
            this.attempt = attempt;
            this.maxAttempts = maxAttempts;
        }

        @Override
        public JobId jobId() {
            return id;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public int maxAttempts() {
            return maxAttempts;
        }

        @Override
        public void reportProgress(int percent) {
            int clamped = Math.clamp(percent, 0, 100);
            long now = System.nanoTime();
            // At most four writes a second, however often FFmpeg reports.
            if (clamped == lastProgress || (clamped < 100 && now - lastProgressAt < 250_000_000L) || halted) {
                return;
            }
            lastProgress = clamped;
            lastProgressAt = now;
            if (!jobs.progress(id, consumerName, clamped, properties.visibilityTimeout())) {
                leaseLost = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return leaseLost || halted || !running && Thread.currentThread().isInterrupted();
        }

        @Override
        public boolean confirmLease() {
            if (isCancelled()) {
                return false;
            }
            if (!jobs.heartbeat(id, consumerName, properties.visibilityTimeout())) {
                leaseLost = true;
            }
            return !leaseLost;
        }

        void heartbeat() {
            if (halted) {
                return;
            }
            try {
                if (!jobs.heartbeat(id, consumerName, properties.visibilityTimeout())) {
                    leaseLost = true;
                }
            } catch (RuntimeException e) {
                log.warn("Heartbeat for job {} failed: {}", id, e.toString());
            }
        }
    }
}
