package io.vidcastx.core.queue;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.vidcastx.core.embedded.EmbeddedProperties;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.core.testing.CoreTestApplication;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.jooq.tables.records.JobsRecord;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class JobQueueTest {

    record Work(int n) {
    }

    @Autowired
    JobQueue queue;
    @Autowired
    JobWorkers workers;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EmbeddedProperties embeddedProperties;
    @Autowired
    WorkerNode node;

    private final List<JobWorker<?>> started = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        started.forEach(worker -> workers.stopWorker(worker, Duration.ofSeconds(5)));
    }

    private static QueueDefinition<Work> freshQueue() {
        return new QueueDefinition<>("test-" + UUID.randomUUID().toString().substring(0, 8), Work.class);
    }

    private <T> JobWorker<T> worker(QueueDefinition<T> definition, JobHandler<T> handler, int concurrency) {
        var worker = workers.createWorker(definition, handler, concurrency);
        started.add(worker);
        return worker;
    }

    private Job job(JobId id) {
        return queue.find(id).orElseThrow();
    }

    @Test
    void one_statement_claims_the_due_jobs_of_a_batch_and_leaves_the_rest() {
        var definition = freshQueue();
        var due = queue.enqueue(definition, new Work(1));
        var alsoDue = queue.enqueue(definition, new Work(2));
        var later = queue.enqueue(definition, new Work(3), EnqueueOptions.delayed(Duration.ofHours(1)));
        var repository = new JobRepository(dsl);
        var serverSetting = dsl.fetchValue("select current_setting('synchronous_commit')");

        var first = repository.claimAll(List.of(due, alsoDue, later), "claimer-a", node, Duration.ofMinutes(1));
        var second = repository.claimAll(List.of(due, alsoDue, later), "claimer-b", node, Duration.ofMinutes(1));

        assertThat(first).extracting(JobsRecord::getJobId).containsExactlyInAnyOrder(due, alsoDue);
        assertThat(first).allSatisfy(job -> {
            assertThat(job.getLockedBy()).isEqualTo("claimer-a");
            assertThat(job.getAttempts()).isEqualTo(1);
        });
        // Held under a live lease, or not due: a second claimer gets nothing.
        assertThat(second).isEmpty();
        assertThat(job(later).status()).isEqualTo(JobStatus.WAITING);
        // The asynchronous commit was local to the claim's own statement, not the pooled connection's.
        assertThat(dsl.fetchValue("select current_setting('synchronous_commit')")).isEqualTo(serverSetting);
    }

    @Test
    void jobs_waiting_before_a_worker_starts_are_claimed_in_batches_and_each_runs_once() {
        var definition = freshQueue();
        int count = 40;
        for (int i = 0; i < count; i++) {
            queue.enqueue(definition, new Work(i));
        }
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        worker(definition, (work, context) -> runs.computeIfAbsent(work.n(), n -> new AtomicInteger()).incrementAndGet(), 8);

        await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchCount(JOBS,
                JOBS.QUEUE.eq(definition.name()).and(JOBS.STATUS.eq("completed"))) == count);
        assertThat(runs).hasSize(count).allSatisfy((n, times) -> assertThat(times.get()).isEqualTo(1));
    }

    @Test
    void a_thousand_jobs_through_four_workers_are_each_done_exactly_once() {
        var definition = freshQueue();
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perWorker = new ConcurrentHashMap<>();
        for (int w = 0; w < 4; w++) {
            String name = "w" + w;
            worker(definition, (work, context) -> {
                runs.computeIfAbsent(work.n(), n -> new AtomicInteger()).incrementAndGet();
                perWorker.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            }, 2);
        }

        var ids = new ArrayList<JobId>();
        for (int i = 0; i < 1000; i++) {
            ids.add(queue.enqueue(definition, new Work(i)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                dsl.fetchCount(JOBS, JOBS.QUEUE.eq(definition.name()).and(JOBS.STATUS.eq("completed"))) == 1000);
        assertThat(runs).hasSize(1000);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(perWorker).as("every worker took a share").hasSize(4);
        assertThat(dsl.fetchCount(JOBS, JOBS.JOB_ID.in(ids).and(JOBS.ATTEMPTS.eq(1)))).isEqualTo(1000);
    }

    @Test
    void a_job_whose_worker_dies_mid_job_is_finished_by_another() throws Exception {
        var definition = freshQueue();
        var started = new CountDownLatch(1);
        var dying = worker(definition, (work, context) -> {
            started.countDown();
            new CountDownLatch(1).await(); // hangs until the "process" is killed
        }, 1);
        JobId id = queue.enqueue(definition, new Work(1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(job(id).status()).isEqualTo(JobStatus.ACTIVE);

        dying.halt();
        var finishedBy = new AtomicReference<String>();
        var survivor = worker(definition, (work, context) -> finishedBy.set("survivor"), 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> job(id).status() == JobStatus.COMPLETED);
        assertThat(finishedBy.get()).isEqualTo("survivor");
        assertThat(job(id).attempts()).isEqualTo(2);
        assertThat(survivor.consumerName()).isNotEqualTo(dying.consumerName());
    }

    @Test
    void a_throwing_handler_is_retried_with_growing_backoff_then_fails_with_its_message() {
        var definition = freshQueue();
        var attempts = new CopyOnWriteArrayList<Instant>();
        worker(definition, (work, context) -> {
            attempts.add(Instant.now());
            throw new IllegalStateException("disk full on attempt " + context.attempt());
        }, 1);

        JobId id = queue.enqueue(definition, new Work(1), EnqueueOptions.DEFAULT.withMaxAttempts(3));

        await().atMost(Duration.ofSeconds(20)).until(() -> job(id).status() == JobStatus.FAILED);
        var failed = job(id);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("disk full on attempt 3");
        assertThat(attempts).hasSize(3);
        // Backoff base 200 ms in tests: at least 200 ms, then at least 400 ms.
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration second = Duration.between(attempts.get(1), attempts.get(2));
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void a_permanent_failure_is_not_retried() {
        var definition = freshQueue();
        var calls = new AtomicInteger();
        worker(definition, (work, context) -> {
            calls.incrementAndGet();
            throw new PermanentJobFailure("The upload is a text file, not a video");
        }, 1);

        JobId id = queue.enqueue(definition, new Work(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.FAILED);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(job(id).lastError()).isEqualTo("The upload is a text file, not a video");
    }

    @Test
    void a_failed_job_can_be_retried_by_hand() {
        var definition = freshQueue();
        var calls = new AtomicInteger();
        worker(definition, (work, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new PermanentJobFailure("source missing");
            }
        }, 1);
        JobId id = queue.enqueue(definition, new Work(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.FAILED);

        assertThat(queue.retry(id)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.COMPLETED);
        assertThat(queue.retry(id)).as("only failed jobs are retried").isFalse();
    }

    @Test
    void a_delayed_job_waits_for_its_time() {
        var definition = freshQueue();
        var ranAt = new AtomicReference<Instant>();
        worker(definition, (work, context) -> ranAt.set(Instant.now()), 1);

        Instant enqueuedAt = Instant.now();
        JobId id = queue.enqueue(definition, new Work(1), EnqueueOptions.delayed(Duration.ofMillis(1500)));
        assertThat(job(id).isDelayed()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.COMPLETED);
        assertThat(Duration.between(enqueuedAt, ranAt.get())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void a_handler_asks_the_database_whether_its_job_is_still_its_own() throws Exception {
        var definition = freshQueue();
        var started = new CountDownLatch(1);
        var takenOver = new CountDownLatch(1);
        var answers = new CopyOnWriteArrayList<Boolean>();
        worker(definition, (work, context) -> {
            answers.add(context.confirmLease());
            started.countDown();
            takenOver.await();
            answers.add(context.confirmLease());
        }, 1);
        JobId id = queue.enqueue(definition, new Work(1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        dsl.update(JOBS).set(JOBS.LOCKED_BY, "another-worker").where(JOBS.JOB_ID.eq(id)).execute();
        takenOver.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 2);
        assertThat(answers).containsExactly(true, false);
        assertThat(dsl.fetchSingle(JOBS, JOBS.JOB_ID.eq(id)).getLockedBy()).isEqualTo("another-worker");
    }

    @Test
    void progress_is_recorded_on_the_job() {
        var definition = freshQueue();
        var release = new CountDownLatch(1);
        worker(definition, (work, context) -> {
            context.reportProgress(42);
            release.await();
        }, 1);

        JobId id = queue.enqueue(definition, new Work(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).progress() == 42);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.COMPLETED);
        assertThat(job(id).progress()).isEqualTo(100);
    }

    @Test
    void a_job_enqueued_in_a_rolled_back_transaction_never_runs() {
        var definition = freshQueue();
        var calls = new AtomicInteger();
        worker(definition, (work, context) -> calls.incrementAndGet(), 1);

        var id = new AtomicReference<JobId>();
        transactions.executeWithoutResult(status -> {
            id.set(queue.enqueue(definition, new Work(1)));
            status.setRollbackOnly();
        });
        JobId committed = transactions.execute(status -> queue.enqueue(definition, new Work(2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> job(committed).status() == JobStatus.COMPLETED);
        assertThat(queue.find(id.get())).isEmpty();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a_payload_that_does_not_parse_fails_the_job_with_a_clear_reason() {
        var definition = freshQueue();
        JobId id = queue.enqueue(definition, new Work(5));
        var calls = new AtomicInteger();
        // A worker of another version expects another payload on the same queue.
        worker(new QueueDefinition<>(definition.name(), TranscodeJobData.class), (data, context) -> calls.incrementAndGet(), 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).status() == JobStatus.FAILED);
        assertThat(job(id).lastError()).startsWith("The job's payload is not a valid TranscodeJobData");
        assertThat(calls.get()).isZero();
        assertThat(job(id).attempts()).as("not retried").isEqualTo(1);
    }

    @Test
    void typed_payloads_are_stored_as_plain_json() {
        var videoId = VideoId.random();
        JobId id = queue.enqueue(new QueueDefinition<>("test-json-" + UUID.randomUUID().toString().substring(0, 8),
                TranscodeJobData.class), new TranscodeJobData(videoId, "raw/" + videoId + "/source"));

        // jsonb normalises spacing: compare the parsed document.
        assertThat(job(id).payloadJson().replace(" ", ""))
                .isEqualTo("{\"videoId\":\"" + videoId + "\",\"sourceKey\":\"raw/" + videoId + "/source\"}");
    }

    /** A few milliseconds of real CPU work (hashing), standing in for a job's work. */
    private static void busyWork() throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < 40; i++) {
            block = java.util.Arrays.copyOf(digest.digest(block), block.length);
        }
    }

    @Test
    void a_redis_restart_mid_run_loses_no_job() {
        var definition = freshQueue();
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        var done = new AtomicInteger();
        for (int w = 0; w < 2; w++) {
            worker(definition, (work, context) -> {
                runs.computeIfAbsent(work.n(), n -> new AtomicInteger()).incrementAndGet();
                done.incrementAndGet();
                busyWork(); // a little work, so the restart lands mid-run
            }, 2);
        }
        for (int i = 0; i < 300; i++) {
            queue.enqueue(definition, new Work(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 50);

        // Test Redis runs without persistence: the restart wipes every stream and consumer group.
        EmbeddedServers.obtain(embeddedProperties).redis().restart();
        for (int i = 300; i < 350; i++) {
            queue.enqueue(definition, new Work(i)); // some while Lettuce is still reconnecting
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                dsl.fetchCount(JOBS, JOBS.QUEUE.eq(definition.name()).and(JOBS.STATUS.eq("completed"))) == 350);
        assertThat(runs).hasSize(350);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
}
