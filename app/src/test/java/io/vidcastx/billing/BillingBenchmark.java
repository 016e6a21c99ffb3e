package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing benchmark (bench/billing/run.sh), on the embedded PostgreSQL with generated rows:
 * <ol>
 * <li>Transcode completion: the ready transaction (video row updated, video.asset.ready recorded) as
 *     the worker commits it, without (reference) and with the encoding-minutes record, alternating.</li>
 * <li>Hourly storage sample at N videos over N/100 organizations: the metered sample (advisory lock,
 *     insert ... select of every organization's GB-hours) against the bare per-organization byte sum
 *     it is built on (reference), alternating, each metered run a new hour.</li>
 * <li>Hourly delivery settling with every one of the N/100 organizations reporting watch time (4 rollup
 *     rows and 12 byte-estimate records per organization-hour): a settling run (one new hour charged
 *     by watch time, the look-back's hours found settled) against the bare watch-time read of one hour.</li>
 * </ol>
 */
public final class BillingBenchmark {

    public static void main(String[] args) throws Exception {
        var options = Arrays.asList(args);
        int videos = option(options, "--videos", 100_000);
        int completions = option(options, "--completions", 2_000);
        var context = new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--vidcastx.embedded.ephemeral=true");
        try {
            var dsl = context.getBean(DSLContext.class);
            var transactions = context.getBean(TransactionTemplate.class);
            var events = context.getBean(EventRecorder.class);
            var meter = context.getBean(UsageMeter.class);
            var sampler = context.getBean(StorageSampler.class);
            System.out.printf(Locale.ROOT, "Generating %,d videos over %,d organizations...%n", videos, videos / 100);
            generate(dsl, videos);

            // 1. Transcode completion.
            var ids = dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID).from(VIDEOS).limit(2 * completions + 400).fetch();
            var plain = new ArrayList<Long>();
            var metered = new ArrayList<Long>();
            for (int i = 0; i < ids.size(); i++) {
                var video = ids.get(i).value1();
                var organization = ids.get(i).value2();
                boolean withMeter = i % 2 == 1;
                long start = System.nanoTime();
                transactions.executeWithoutResult(status -> {
                    markReady(dsl, video);
                    if (withMeter) {
                        meter.record(organization, UsageMetric.ENCODING_MINUTES, "transcode:" + video,
                                UsageMeter.encodingMinutes(62.0, List.of(1080, 720, 480)));
                    }
                    events.record(organization, "video.asset.ready", "asset", video.toString(), Map.of("status", "ready"));
                });
                long took = System.nanoTime() - start;
                if (i >= 400) { // the first 200 of each are warm-up
                    (withMeter ? metered : plain).add(took);
                }
            }
            report("Transcode completion transaction", "without metering", plain, "with metering", metered);

            // 2. Hourly storage sample.
            var bare = new ArrayList<Long>();
            var sampled = new ArrayList<Long>();
            var hour = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int round = 0; round < 12; round++) {
                long start = System.nanoTime();
                dsl.select(VIDEOS.ORGANIZATION_ID, DSL.sum(DSL.coalesce(VIDEOS.SIZE_BYTES, 0L)
                                .plus(DSL.coalesce(VIDEOS.OUTPUT_BYTES, 0L))))
                        .from(VIDEOS).groupBy(VIDEOS.ORGANIZATION_ID).fetch();
                long bareTook = System.nanoTime() - start;
                start = System.nanoTime();
                int organizations = sampler.sample(hour.plusHours(round));
                long sampleTook = System.nanoTime() - start;
                if (organizations < 1) {
                    throw new IllegalStateException("The sample recorded nothing");
                }
                if (round >= 2) {
                    bare.add(bareTook);
                    sampled.add(sampleTook);
                }
            }
            report("Hourly storage sample at " + String.format(Locale.ROOT, "%,d", videos) + " videos",
                    "bare byte sum", bare, "metered sample", sampled);

            // 3. Hourly delivery settling from analytics watch time.
            var settler = context.getBean(DeliverySettler.class);
            var analytics = context.getBean(io.vidcastx.analytics.AnalyticsService.class);
            int rounds = 12;
            int lookbackHours = (int) DeliverySettler.LOOKBACK.toHours();
            var first = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusDays(3);
            generateDelivery(dsl, first, lookbackHours + rounds);
            var read = new ArrayList<Long>();
            var settled = new ArrayList<Long>();
            for (int round = 0; round < rounds; round++) {
                var newest = first.plusHours(lookbackHours - 1 + round);
                long start = System.nanoTime();
                int watched = analytics.watchTimeByHour(newest.toInstant(), newest.plusHours(1).toInstant()).size();
                long readTook = System.nanoTime() - start;
                start = System.nanoTime();
                // The run that settles hour `newest`: the settle delay plus the hour itself after it.
                int charged = settler.settle(newest.plusHours(1).plus(context.getBean(BillingProperties.class)
                        .deliverySettleAfter()));
                long settleTook = System.nanoTime() - start;
                if (watched == 0 || charged < watched) {
                    throw new IllegalStateException("Settling charged " + charged + " of " + watched + " organizations");
                }
                if (round >= 2) {
                    read.add(readTook);
                    settled.add(settleTook);
                }
            }
            report("Hourly delivery settling, " + String.format(Locale.ROOT, "%,d", videos / 100)
                    + " organizations with watch time", "watch-time read", read, "settling run", settled);
        } finally {
            context.close();
        }
        System.exit(0); // the embedded servers' threads would otherwise keep the JVM (and the build lock) alive
    }

    private static void markReady(DSLContext dsl, VideoId video) {
        dsl.update(VIDEOS).set(VIDEOS.STATUS, "ready").set(VIDEOS.PROGRESS, 100)
                .set(VIDEOS.READY_AT, DSL.currentOffsetDateTime()).set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1)).where(VIDEOS.VIDEO_ID.eq(video)).execute();
    }

    private static void generate(DSLContext dsl, int videos) {
        int organizations = Math.max(1, videos / 100);
        for (int i = 0; i < organizations; i++) {
            var id = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, id).set(ORGANIZATIONS.NAME, "Bench " + i)
                    .set(ORGANIZATIONS.SLUG, "bench-" + id).execute();
        }
        dsl.execute("""
                insert into videos (video_id, organization_id, title, status, playback_id, size_bytes, output_bytes)
                select gen_random_uuid(), o.organization_id, 'Bench video', 'processing', md5(random()::text || g),
                       (random() * 2e9)::bigint, (random() * 1e9)::bigint
                from (select organization_id, row_number() over () as n from organizations) o
                cross join generate_series(1, {0}) g""", DSL.inline(videos / organizations));
        dsl.execute("analyze videos");
    }

    /** Watch time rollups and served-bytes estimates for every organization, for `hours` hours from `from`. */
    private static void generateDelivery(DSLContext dsl, OffsetDateTime from, int hours) {
        dsl.execute("""
                insert into analytics_hourly (organization_id, bucket, video_ref, country, device_class, os, browser, views,
                    unique_viewers, watch_time_ms, playing_time_ms, startup_time_ms_sum, started_views, rebuffer_ms,
                    failed_views, exits_before_start)
                select o.organization_id, {0}::timestamptz + make_interval(hours => h), 'video-' || d, 'US', 'desktop',
                       'Linux', 'Chrome', 3, 2, (random() * 3.6e6)::bigint, 0, 0, 3, 0, 0, 0
                from organizations o cross join generate_series(0, {1} - 1) h cross join generate_series(1, 4) d""",
                DSL.inline(from.toString()), DSL.inline(hours));
        dsl.execute("""
                insert into usage_records (organization_id, metric, source_key, quantity, recorded_at)
                select o.organization_id, 'delivery_minutes', 'delivery:bench:' || h || ':' || m, random(),
                       {0}::timestamptz + make_interval(hours => h, mins => m)
                from organizations o cross join generate_series(0, {1} - 1) h cross join generate_series(0, 55, 5) m""",
                DSL.inline(from.toString()), DSL.inline(hours));
        dsl.execute("analyze analytics_hourly");
        dsl.execute("analyze usage_records");
    }

    private static void report(String title, String referenceName, List<Long> reference, String measuredName,
                               List<Long> measured) {
        double ref = median(reference);
        double with = median(measured);
        System.out.printf(Locale.ROOT, "%s (median of %d):%n  %-18s %8.3f ms%n  %-18s %8.3f ms%n  ratio %.2fx (+%.3f ms)%n",
                title, measured.size(), referenceName, ref, measuredName, with, with / ref, with - ref);
    }

    private static double median(List<Long> nanos) {
        var sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static int option(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
    }
}
