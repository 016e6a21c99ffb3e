package io.vidcastx.webhooks;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.WEBHOOK_ENDPOINTS;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook benchmark (bench/webhooks/run.sh), two questions in one run:
 * <ol>
 * <li>What fan-out adds to every transaction that records an event: p50/p95 of a transaction that
 *     records one event, with 0 (the reference), 1 and 10 subscribed endpoints.</li>
 * <li>End to end: events recorded one after another, each delivered to a local receiver through the
 *     queue (record, dispatch, claim, sign, POST, record the attempt); deliveries per second and
 *     latency from commit to receipt. Reference: the same signed POSTs sent straight through the same
 *     HTTP client by as many threads as the consumer has, without queue or database.</li>
 * </ol>
 */
public final class WebhookBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 1 && args[0].equals("--events") ? Integer.parseInt(args[1]) : 1000;
        var context = new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try (var receiver = new WebhookReceiver(Reply.status(200))) {
            var dsl = context.getBean(DSLContext.class);
            var recorder = context.getBean(EventRecorder.class);
            var transactions = context.getBean(TransactionTemplate.class);
            var webhooks = context.getBean(WebhookService.class);
            var consumer = context.getBean(WebhookConsumer.class);
            var settings = context.getBean(WebhookProperties.class);
            var organization = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Bench")
                    .set(ORGANIZATIONS.SLUG, "bench-" + organization).execute();
            var caller = new Caller(organization, null, null, Role.OWNER);
            Runnable recordOne = () -> transactions.executeWithoutResult(status -> recorder.record(organization,
                    "video.asset.ready", "asset", UUID.randomUUID().toString(), Map.of("status", "ready")));

            // 1. The write path, with nobody consuming (deliveries pile up as jobs and are removed after).
            consumer.stop(Duration.ofSeconds(5));
            System.out.println("Recording one event per transaction (p50 / p95 ms):");
            for (int endpoints : new int[] {0, 1, 10}) {
                dsl.deleteFrom(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organization)).execute();
                for (int i = 0; i < endpoints; i++) {
                    webhooks.create(caller, new WebhookService.EndpointSettings(receiver.url("/e" + i), "",
                            Set.of("video.asset.ready")));
                }
                double[] millis = time(recordOne, 200, 2000);
                System.out.printf(Locale.ROOT, "  %2d endpoints: %.2f / %.2f%n", endpoints, pct(millis, 50), pct(millis, 95));
            }
            dsl.deleteFrom(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.ORGANIZATION_ID.eq(organization)).execute();
            dsl.deleteFrom(JOBS).where(JOBS.QUEUE.eq("webhooks")).execute();

            // 2. End to end through the queue.
            webhooks.create(caller, new WebhookService.EndpointSettings(receiver.url("/e2e"), "", Set.of("video.asset.ready")));
            consumer.start();
            for (int i = 0; i < 50; i++) {
                recordOne.run(); // warm-up
            }
            waitFor(receiver, 50);
            var committedAt = new ConcurrentHashMap<String, Long>();
            int before = receiver.received().size();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                UUID id = transactions.execute(status -> recorder.record(organization, "video.asset.ready", "asset",
                        UUID.randomUUID().toString(), Map.of("status", "ready")));
                committedAt.put(id.toString(), System.nanoTime());
            }
            waitFor(receiver, before + events);
            var arrived = receiver.received().subList(before, before + events);
            double queueSeconds = (arrived.getLast().receivedAtNanos() - start) / 1e9;
            double[] latencies = arrived.stream().mapToDouble(r -> (r.receivedAtNanos()
                    - committedAt.get(eventId(r.body()))) / 1e6).sorted().toArray();

            // Latency without a backlog: 200 events at 50 a second.
            var paced = new ConcurrentHashMap<String, Long>();
            int beforePaced = receiver.received().size();
            for (int i = 0; i < 200; i++) {
                long due = System.nanoTime() + 20_000_000L;
                UUID id = transactions.execute(status -> recorder.record(organization, "video.asset.ready", "asset",
                        UUID.randomUUID().toString(), Map.of("status", "ready")));
                paced.put(id.toString(), System.nanoTime());
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            waitFor(receiver, beforePaced + 200);
            double[] pacedLatencies = receiver.received().subList(beforePaced, beforePaced + 200).stream()
                    .mapToDouble(r -> (r.receivedAtNanos() - paced.get(eventId(r.body()))) / 1e6).sorted().toArray();

            // Reference: the same signed requests, straight through the same client.
            var transport = context.getBean(WebhookTransport.class);
            String body = arrived.getFirst().body();
            String secret = WebhookSignatures.newSecret();
            int threads = settings.concurrency();
            var pool = Executors.newFixedThreadPool(threads);
            var sent = new AtomicInteger();
            double[] direct = new double[events];
            long directStart = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int n; (n = sent.getAndIncrement()) < events; ) {
                        long began = System.nanoTime();
                        var headers = WebhookSignatures.headers("msg_" + n, System.currentTimeMillis() / 1000, body, List.of(secret));
                        transport.post(URI.create(receiver.url("/direct")), headers, body.getBytes(StandardCharsets.UTF_8));
                        direct[n] = (System.nanoTime() - began) / 1e6;
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double directSeconds = (System.nanoTime() - directStart) / 1e9;
            Arrays.sort(direct);

            System.out.printf(Locale.ROOT, "%nEnd to end, %,d events, consumer concurrency %d:%n", events, threads);
            System.out.printf(Locale.ROOT, "  through the queue: %.0f deliveries/s, commit-to-receipt p50 %.1f ms, p95 %.1f ms (burst)%n",
                    events / queueSeconds, pct(latencies, 50), pct(latencies, 95));
            System.out.printf(Locale.ROOT, "  at 50 events/s:    commit-to-receipt p50 %.1f ms, p95 %.1f ms%n",
                    pct(pacedLatencies, 50), pct(pacedLatencies, 95));
            System.out.printf(Locale.ROOT, "  direct POSTs:      %.0f requests/s, request p50 %.1f ms, p95 %.1f ms%n",
                    events / directSeconds, pct(direct, 50), pct(direct, 95));
            System.out.printf(Locale.ROOT, "  ratio queue/direct: %.2fx throughput%n", (events / queueSeconds) / (events / directSeconds));
        } finally {
            context.close();
        }
        System.exit(0); // the embedded S3 server's threads would keep the JVM alive
    }

    private static String eventId(String body) {
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    private static void waitFor(WebhookReceiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (receiver.received().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + receiver.received().size() + " of " + count + " deliveries arrived");
            }
            Thread.sleep(5);
        }
    }

    private static double[] time(Runnable action, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double pct(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
