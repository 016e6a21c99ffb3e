package io.vidcastx.core.queue;

import static io.vidcastx.db.jooq.Tables.JOBS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.vidcastx.core.embedded.EmbeddedProperties;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.core.testing.CoreTestApplication;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queue benchmark (bench/queue/run.sh): no-op jobs through the Vidcastx queue, then through BullMQ on
 * the same embedded Redis in the same run, and the ratio of the two. Enqueues are sequential and each
 * is durable (a PostgreSQL commit for Vidcastx, a Redis round trip for BullMQ); a job counts as done
 * when its completion is recorded. Latency is enqueue-to-handler-start.
 */
public final class QueueBenchmark {

    record NoOp(long enqueuedAtNanos) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "5000"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Path script = Path.of(options.getOrDefault("bullmq-script", "bench/queue/bullmq-bench.mjs"));

        var context = new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("vidcastx.queue.sweep-interval=1s", "vidcastx.queue.redispatch-after=30s",
                        "vidcastx.queue.visibility-timeout=5m", "vidcastx.queue.block-timeout=1s",
                        "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run();
        try {
            var queue = context.getBean(JobQueue.class);
            var jobWorkers = context.getBean(JobWorkers.class);
            var dsl = context.getBean(DSLContext.class);
            int redisPort = EmbeddedServers.obtain(context.getBean(EmbeddedProperties.class)).redis().port();

            warmUp(queue, jobWorkers, dsl);
            Result vidcastx = runVidcastx(queue, jobWorkers, dsl, jobs, workers, concurrency);
            Result bullmq = runBullmq(script, redisPort, jobs, workers, concurrency);

            System.out.printf(Locale.ROOT, "%nQueue benchmark: %d no-op jobs, %d workers x concurrency %d, one Redis (embedded 6.2), %d cores%n",
                    jobs, workers, concurrency, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-10s %12s %10s %10s %10s%n", "system", "jobs/s", "p50 ms", "p95 ms", "p99 ms");
            for (var r : List.of(vidcastx, bullmq)) {
                System.out.printf(Locale.ROOT, "%-10s %12.0f %10.2f %10.2f %10.2f%n", r.system(), r.jobsPerSecond(),
                        r.p50(), r.p95(), r.p99());
            }
            System.out.printf(Locale.ROOT, "ratio vidcastx/bullmq: throughput %.2fx, p50 latency %.2fx%n",
                    vidcastx.jobsPerSecond() / bullmq.jobsPerSecond(), vidcastx.p50() / bullmq.p50());
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void warmUp(JobQueue queue, JobWorkers jobWorkers, DSLContext dsl) {
        var definition = new QueueDefinition<>("bench-warmup-" + UUID.randomUUID().toString().substring(0, 8), NoOp.class);
        var worker = jobWorkers.createWorker(definition, (job, ctx) -> { }, 4);
        for (int i = 0; i < 500; i++) {
            queue.enqueue(definition, new NoOp(System.nanoTime()));
        }
        waitForCompletion(dsl, definition.name(), 500);
        jobWorkers.stopWorker(worker, Duration.ofSeconds(5));
    }

    private static Result runVidcastx(JobQueue queue, JobWorkers jobWorkers, DSLContext dsl, int jobs, int workers,
                                      int concurrency) {
        var definition = new QueueDefinition<>("bench-" + UUID.randomUUID().toString().substring(0, 8), NoOp.class);
        var latencies = new ConcurrentLinkedQueue<Double>();
        var started = new ArrayList<JobWorker<NoOp>>();
        for (int w = 0; w < workers; w++) {
            started.add(jobWorkers.createWorker(definition,
                    (job, ctx) -> latencies.add((System.nanoTime() - job.enqueuedAtNanos()) / 1e6), concurrency));
        }
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            queue.enqueue(definition, new NoOp(System.nanoTime()));
        }
        System.out.printf(Locale.ROOT, "vidcastx enqueue phase: %.0f jobs/s%n", jobs / ((System.nanoTime() - start) / 1e9));
        waitForCompletion(dsl, definition.name(), jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        started.forEach(worker -> jobWorkers.stopWorker(worker, Duration.ofSeconds(5)));
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result("vidcastx", jobs / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static void waitForCompletion(DSLContext dsl, String queueName, int jobs) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (dsl.fetchCount(JOBS, JOBS.QUEUE.eq(queueName).and(JOBS.STATUS.eq("completed"))) < jobs) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Jobs did not complete within 10 minutes");
            }
            try {
                // Every 50 ms: a count every 5 ms took a share of PostgreSQL's CPU from the queue it measures,
                // and 50 ms is under 1% of a run.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Result runBullmq(Path script, int redisPort, int jobs, int workers, int concurrency) throws Exception {
        var process = new ProcessBuilder("node", script.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(redisPort), "--jobs", String.valueOf(jobs), "--workers", String.valueOf(workers),
                "--concurrency", String.valueOf(concurrency))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = reader.readLine();
        }
        if (process.waitFor() != 0 || line == null) {
            throw new IllegalStateException("The BullMQ benchmark failed (exit " + process.exitValue() + ")");
        }
        var json = JsonMapper.builder().build().readTree(line);
        return new Result("bullmq", json.get("jobsPerSecond").asDouble(), json.get("latencyMsP50").asDouble(),
                json.get("latencyMsP95").asDouble(), json.get("latencyMsP99").asDouble());
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static Map<String, String> parse(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    record Result(String system, double jobsPerSecond, double p50, double p95, double p99) {
    }
}
