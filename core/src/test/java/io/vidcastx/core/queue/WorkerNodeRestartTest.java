package io.vidcastx.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vidcastx.core.testing.CoreTestApplication;
import io.vidcastx.db.ids.JobId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker process that dies and starts again on the same machine gets its dead run's jobs back at
 * once, not after their lease. The lease here is five minutes, far past the test's patience: only
 * the restart can hand the job back in time.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class WorkerNodeRestartTest {

    record Work(int n) {
    }

    private static final QueueProperties LONG_LEASE = new QueueProperties(Duration.ofMinutes(5), Duration.ofMillis(200),
            Duration.ofSeconds(2), Duration.ofMillis(500), 5, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(5), null);

    @Autowired
    RedisClient redisClient;
    @Autowired
    StatefulRedisConnection<String, String> redis;
    @Autowired
    JobRepository jobs;
    @Autowired
    JobDispatcher dispatcher;
    @Autowired
    JobQueue queue;
    @Autowired
    JsonMapper json;
    @TempDir
    Path slots;

    private final List<AutoCloseable> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws Exception {
        for (var process : processes.reversed()) {
            process.close();
        }
    }

    /** One worker process's queue side: its node (slot) and its workers. */
    private JobWorkers startProcess(WorkerNode node) {
        var workers = new JobWorkers(redisClient, redis, jobs, json, LONG_LEASE, new JobSweeper(jobs, dispatcher, LONG_LEASE),
                node, new SimpleMeterRegistry());
        processes.add(workers::destroy);
        processes.add(node);
        return workers;
    }

    private static QueueDefinition<Work> freshQueue() {
        return new QueueDefinition<>("restart-" + UUID.randomUUID().toString().substring(0, 8), Work.class);
    }

    @Test
    void a_restarted_node_takes_back_the_job_its_killed_run_held_at_once() throws Exception {
        var definition = freshQueue();
        var firstNode = WorkerNode.claim(slots);
        var started = new CountDownLatch(1);
        var dying = startProcess(firstNode).createWorker(definition, (work, context) -> {
            started.countDown();
            new CountDownLatch(1).await(); // hangs until the process is killed
        }, 1);
        JobId id = queue.enqueue(definition, new Work(1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // kill -9: no outcome, no heartbeat, and the OS drops the slot lock.
        dying.halt();
        firstNode.close();
        var restarted = WorkerNode.claim(slots);
        assertThat(restarted.id()).as("the same node").isEqualTo(firstNode.id());
        assertThat(restarted.bootId()).isNotEqualTo(firstNode.bootId());
        startProcess(restarted).createWorker(definition, (work, context) -> { }, 1);

        await().atMost(Duration.ofSeconds(15)).until(() -> queue.find(id).orElseThrow().status() == JobStatus.COMPLETED);
        assertThat(queue.find(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void a_second_live_process_on_the_same_machine_leaves_the_first_ones_job_alone() throws Exception {
        var definition = freshQueue();
        var firstNode = WorkerNode.claim(slots);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        startProcess(firstNode).createWorker(definition, (work, context) -> {
            started.countDown();
            release.await();
        }, 1);
        JobId id = queue.enqueue(definition, new Work(1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        var secondNode = WorkerNode.claim(slots);
        assertThat(secondNode.id()).as("a slot of its own").isNotEqualTo(firstNode.id());
        var secondRuns = new CountDownLatch(1);
        startProcess(secondNode).createWorker(definition, (work, context) -> secondRuns.countDown(), 1);

        assertThat(secondRuns.await(2, TimeUnit.SECONDS)).as("the second process never runs the live job").isFalse();
        assertThat(queue.find(id).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
        assertThat(queue.find(id).orElseThrow().attempts()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.find(id).orElseThrow().status() == JobStatus.COMPLETED);
    }
}
