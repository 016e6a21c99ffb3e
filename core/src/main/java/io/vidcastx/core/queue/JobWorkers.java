package io.vidcastx.core.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates queue workers on the process's shared Redis client and stops them with the process. The
 * first worker also starts this process's sweeper.
 */
public class JobWorkers implements DisposableBean, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> sharedConnection;
    private final JobRepository jobs;
    private final JsonMapper json;
    private final QueueProperties properties;
    private final JobSweeper sweeper;
    private final ScheduledExecutorService timers;
    private final List<JobWorker<?>> workers = new CopyOnWriteArrayList<>();
    private final WorkerNode node;
    private final MeterRegistry meters;
    private final AtomicBoolean earlierBootsReleased = new AtomicBoolean();
    private @Nullable ApplicationContext context;

    JobWorkers(RedisClient redisClient, StatefulRedisConnection<String, String> sharedConnection, JobRepository jobs,
               JsonMapper json, QueueProperties properties, JobSweeper sweeper, WorkerNode node, MeterRegistry meters) {
        this.node = node;
        this.meters = meters;
        this.redisClient = redisClient;
        this.sharedConnection = sharedConnection;
        this.jobs = jobs;
        this.json = json;
        this.properties = properties;
        this.sweeper = sweeper;
        this.timers = Executors.newScheduledThreadPool(2,
                r -> Thread.ofPlatform().daemon().name("queue-timers").unstarted(r));
    }

    /**
     * Starts a worker that runs {@code handler} for the jobs of {@code queue}, at most
     * {@code concurrency} at a time.
     */
    public <T> JobWorker<T> createWorker(QueueDefinition<T> queue, JobHandler<T> handler, int concurrency) {
        releaseEarlierBoots();
        var worker = new JobWorker<>(queue, handler, concurrency, redisClient, sharedConnection, jobs, json,
                properties, timers, node, meters);
        workers.add(worker);
        worker.start();
        sweeper.start(timers);
        return worker;
    }

    /**
     * Starts this process's queue maintenance (reclaiming jobs of dead workers, announcing due
     * delayed jobs) without consuming any queue. Creating a worker does this too.
     */
    public void startMaintenance() {
        releaseEarlierBoots();
        sweeper.start(timers);
    }

    /** This process's identity as a lease holder. */
    public WorkerNode node() {
        return node;
    }

    /**
     * Once, before this process takes any job: jobs its node's previous run still held go straight
     * back to the queue (that run is dead), and the next sweep dispatches them.
     */
    private void releaseEarlierBoots() {
        if (earlierBootsReleased.compareAndSet(false, true)) {
            int released = jobs.releaseEarlierBoots(node);
            if (released > 0) {
                log.info("Took back {} jobs left running by the previous start of worker node {}", released, node.id());
            }
        }
    }

    /** Stops one worker (its running jobs get {@code grace} to finish). */
    public void stopWorker(JobWorker<?> worker, Duration grace) {
        worker.stop(grace);
        workers.remove(worker);
    }

    public List<JobWorker<?>> workers() {
        return List.copyOf(workers);
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    /**
     * A graceful stop (SIGTERM) stops taking jobs at its very start, before the web server's own
     * graceful shutdown, and gives running jobs the grace; the rest are handed back to the queue.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            stopAll();
        }
    }

    @Override
    public void destroy() {
        stopAll();
        sweeper.stop();
        timers.shutdownNow();
    }

    private void stopAll() {
        var stopping = List.copyOf(workers);
        stopping.parallelStream().forEach(worker -> worker.stop(properties.shutdownGrace()));
        workers.removeAll(stopping);
    }
}
