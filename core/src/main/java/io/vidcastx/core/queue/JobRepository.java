package io.vidcastx.core.queue;

import static io.vidcastx.db.jooq.Tables.JOBS;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.jooq.tables.records.JobsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL record of jobs. Every state change is one conditional UPDATE, so two workers, two
 * sweepers or a late heartbeat can never both win: the row decides. Times come from the database
 * clock, never from the (possibly skewed) clocks of the worker machines.
 */
final class JobRepository {

    private static final String WAITING = JobStatus.WAITING.dbValue();
    private static final String ACTIVE = JobStatus.ACTIVE.dbValue();
    private static final int MAX_ERROR_LENGTH = 4000;

    private final DSLContext dsl;

    JobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a waiting job; an immediate one is marked dispatched because the caller dispatches it. */
    void insert(JobId id, String queue, String payloadJson, int maxAttempts, Duration delay) {
        boolean immediate = delay.isZero();
        dsl.insertInto(JOBS)
                .set(JOBS.JOB_ID, id)
                .set(JOBS.QUEUE, queue)
                .set(JOBS.PAYLOAD, JSONB.valueOf(payloadJson))
                .set(JOBS.STATUS, WAITING)
                .set(JOBS.MAX_ATTEMPTS, maxAttempts)
                .set(JOBS.RUN_AT, nowPlus(delay))
                .set(JOBS.DISPATCHED_AT, immediate ? DSL.currentOffsetDateTime() : DSL.inline((OffsetDateTime) null))
                .execute();
    }

    /**
     * Takes jobs for one worker, in one statement: waiting jobs that are due, or active ones whose worker
     * stopped sending heartbeats. The claim is
     * committed without waiting for the WAL flush: a claim lost in a crash only leaves the job waiting
     * with its Redis message unacknowledged, which the sweeper and the reclaim of stale messages deliver
     * again, so durability there buys nothing and costs a disk flush per batch.
     *
     * @return the jobs this worker now holds; the others are done, failed, not due or held elsewhere
     */
    List<JobsRecord> claimAll(List<JobId> ids, String workerId, WorkerNode node, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // set_config(..., true) in a CTE the UPDATE joins makes it local to this one statement's own
        // transaction: asynchronous commit in one round trip, without a BEGIN/SET/COMMIT around it.
        var asyncCommit = DSL.name("async_commit").as(
                DSL.select(DSL.field("set_config('synchronous_commit', 'off', true)", String.class).as("setting")));
        return dsl.with(asyncCommit)
                .update(JOBS)
                .set(JOBS.STATUS, ACTIVE)
                .set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.plus(1))
                .set(JOBS.LOCKED_BY, workerId)
                .set(JOBS.LOCKED_NODE, node.id())
                .set(JOBS.LOCKED_BOOT, node.bootId())
                .set(JOBS.LOCKED_UNTIL, nowPlus(lease))
                .set(JOBS.PROGRESS, 0)
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .from(asyncCommit)
                .where(JOBS.JOB_ID.in(ids))
                .and(claimable())
                .returning(JOBS.fields())
                .fetchInto(JobsRecord.class);
    }

    /** Waiting and due, or active under a lease its worker stopped renewing. */
    private static Condition claimable() {
        return JOBS.STATUS.eq(WAITING).and(JOBS.RUN_AT.le(DSL.currentOffsetDateTime()))
                .or(JOBS.STATUS.eq(ACTIVE).and(JOBS.LOCKED_UNTIL.lt(DSL.currentOffsetDateTime())));
    }

    /** Extends the worker's lease; false when the job is no longer this worker's. */
    boolean heartbeat(JobId id, String workerId, Duration lease) {
        return dsl.update(JOBS)
                .set(JOBS.LOCKED_UNTIL, nowPlus(lease))
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(ACTIVE)).and(JOBS.LOCKED_BY.eq(workerId)))
                .execute() == 1;
    }

    boolean progress(JobId id, String workerId, int percent, Duration lease) {
        return dsl.update(JOBS)
                .set(JOBS.PROGRESS, percent)
                .set(JOBS.LOCKED_UNTIL, nowPlus(lease))
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(ACTIVE)).and(JOBS.LOCKED_BY.eq(workerId)))
                .execute() == 1;
    }

    boolean complete(JobId id, String workerId) {
        return dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.COMPLETED.dbValue())
                .set(JOBS.PROGRESS, 100)
                .set(JOBS.LOCKED_BY, (String) null)
                .set(JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(JOBS.LAST_ERROR, (String) null)
                .set(JOBS.COMPLETED_AT, DSL.currentOffsetDateTime())
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(ACTIVE)).and(JOBS.LOCKED_BY.eq(workerId)))
                .execute() == 1;
    }

    /** Puts a failed attempt back in line, to be dispatched by the sweeper once the backoff has passed. */
    boolean retryLater(JobId id, String workerId, String error, Duration backoff) {
        return dsl.update(JOBS)
                .set(JOBS.STATUS, WAITING)
                .set(JOBS.RUN_AT, nowPlus(backoff))
                .set(JOBS.DISPATCHED_AT, (OffsetDateTime) null)
                .set(JOBS.LOCKED_BY, (String) null)
                .set(JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(JOBS.LAST_ERROR, truncate(error))
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(ACTIVE)).and(JOBS.LOCKED_BY.eq(workerId)))
                .execute() == 1;
    }

    boolean fail(JobId id, String workerId, String error) {
        return dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.FAILED.dbValue())
                .set(JOBS.LOCKED_BY, (String) null)
                .set(JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(JOBS.LAST_ERROR, truncate(error))
                .set(JOBS.COMPLETED_AT, DSL.currentOffsetDateTime())
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(ACTIVE)).and(JOBS.LOCKED_BY.eq(workerId)))
                .execute() == 1;
    }

    /** A failed job starts over with a fresh set of attempts (the "Retry" button). */
    boolean requeueFailed(JobId id) {
        return dsl.update(JOBS)
                .set(JOBS.STATUS, WAITING)
                .set(JOBS.ATTEMPTS, 0)
                .set(JOBS.RUN_AT, DSL.currentOffsetDateTime())
                .set(JOBS.DISPATCHED_AT, DSL.currentOffsetDateTime())
                .set(JOBS.COMPLETED_AT, (OffsetDateTime) null)
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(JobStatus.FAILED.dbValue())))
                .execute() == 1;
    }

    /** Forgets that a job was dispatched, so the next sweep dispatches it (Redis refused the first). */
    void markUndispatched(JobId id) {
        dsl.update(JOBS)
                .set(JOBS.DISPATCHED_AT, (OffsetDateTime) null)
                .where(JOBS.JOB_ID.eq(id).and(JOBS.STATUS.eq(WAITING)))
                .execute();
    }

    /**
     * Marks up to {@code limit} due jobs as dispatched and returns them: waiting jobs never dispatched
     * (delayed jobs, retries) or dispatched long ago and still unclaimed (message lost with Redis).
     * SKIP LOCKED lets the sweepers of several worker processes run at once without doubling up.
     */
    List<DueJob> takeDue(Duration redispatchAfter, int limit) {
        var due = dsl.select(JOBS.JOB_ID)
                .from(JOBS)
                .where(JOBS.STATUS.eq(WAITING))
                .and(JOBS.RUN_AT.le(DSL.currentOffsetDateTime()))
                .and(JOBS.DISPATCHED_AT.isNull().or(JOBS.DISPATCHED_AT.lt(nowPlus(redispatchAfter.negated()))))
                .orderBy(JOBS.RUN_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.update(JOBS)
                .set(JOBS.DISPATCHED_AT, DSL.currentOffsetDateTime())
                .where(JOBS.JOB_ID.in(due))
                .returning(JOBS.JOB_ID, JOBS.QUEUE)
                .fetch(r -> new DueJob(r.get(JOBS.JOB_ID), r.get(JOBS.QUEUE)));
    }

    /**
     * Active jobs whose worker stopped sending heartbeats go back to waiting, or to failed when they
     * have used up their attempts (a job that kills its worker every time must not loop forever).
     *
     * @return how many jobs were taken back
     */
    int reclaimExpired() {
        var expired = JOBS.STATUS.eq(ACTIVE).and(JOBS.LOCKED_UNTIL.lt(DSL.currentOffsetDateTime()));
        return takeBack(expired, "The worker stopped responding during attempt ");
    }

    /**
     * Takes back, at once, the jobs still leased to an earlier boot of {@code node}: that process is
     * dead (the node's slot lock proves it), so their leases would only make them wait. Like
     * {@link #reclaimExpired()}, a job that used up its attempts is failed rather than retried.
     *
     * @return how many jobs were taken back
     */
    int releaseEarlierBoots(WorkerNode node) {
        var orphaned = JOBS.STATUS.eq(ACTIVE).and(JOBS.LOCKED_NODE.eq(node.id()))
                .and(JOBS.LOCKED_BOOT.ne(node.bootId()));
        return takeBack(orphaned, "The worker process stopped during attempt ");
    }

    /**
     * Fails the {@code leased} jobs that used up their attempts, saying {@code failedBecause} and which
     * attempt it was, and puts the others back to waiting, due now.
     *
     * @return how many jobs were taken back
     */
    private int takeBack(Condition leased, String failedBecause) {
        int failed = dsl.update(JOBS)
                .set(JOBS.STATUS, JobStatus.FAILED.dbValue())
                .set(JOBS.LAST_ERROR, DSL.concat(DSL.inline(failedBecause),
                        JOBS.ATTEMPTS.cast(String.class), DSL.inline(" of "), JOBS.MAX_ATTEMPTS.cast(String.class)))
                .set(JOBS.LOCKED_BY, (String) null)
                .set(JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(JOBS.COMPLETED_AT, DSL.currentOffsetDateTime())
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(leased.and(JOBS.ATTEMPTS.ge(JOBS.MAX_ATTEMPTS)))
                .execute();
        int requeued = dsl.update(JOBS)
                .set(JOBS.STATUS, WAITING)
                .set(JOBS.RUN_AT, DSL.currentOffsetDateTime())
                .set(JOBS.DISPATCHED_AT, (OffsetDateTime) null)
                .set(JOBS.LOCKED_BY, (String) null)
                .set(JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(leased)
                .execute();
        return failed + requeued;
    }

    /** Waiting and active jobs, by queue and then status. */
    Map<String, Map<String, Integer>> countUnfinishedByQueue() {
        var counts = new HashMap<String, Map<String, Integer>>();
        dsl.select(JOBS.QUEUE, JOBS.STATUS, DSL.count())
                .from(JOBS)
                .where(JOBS.STATUS.in(WAITING, ACTIVE))
                .groupBy(JOBS.QUEUE, JOBS.STATUS)
                .forEach(r -> counts.computeIfAbsent(r.value1(), q -> new HashMap<>()).put(r.value2(), r.value3()));
        return counts;
    }

    Optional<Job> find(JobId id) {
        return dsl.selectFrom(JOBS).where(JOBS.JOB_ID.eq(id)).fetchOptional(JobRepository::toJob);
    }

    static Job toJob(JobsRecord r) {
        return new Job(r.getJobId(), r.getQueue(), r.getPayload().data(), JobStatus.fromDb(r.getStatus()),
                r.getAttempts(), r.getMaxAttempts(), r.getProgress(), r.getLastError(), r.getRunAt(),
                r.getCreatedAt(), r.getCompletedAt());
    }

    private static Field<OffsetDateTime> nowPlus(Duration duration) {
        return DSL.field("now() + ({0} * interval '1 millisecond')", OffsetDateTime.class,
                DSL.val(duration.toMillis()));
    }

    private static @Nullable String truncate(@Nullable String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    record DueJob(JobId id, String queue) {
    }
}
