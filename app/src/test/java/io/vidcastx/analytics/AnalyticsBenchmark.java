package io.vidcastx.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Analytics benchmark (bench/analytics/run.sh), two questions in one run:
 * <ol>
 * <li>Beacon ingest: batches of mux-embed events POSTed over HTTP by 4 clients until they are written
 *     (parse, key check, enrichment, buffer, multi-row upsert, rollups); events/s and p99 request
 *     latency. Reference: a bare multi-row insert of the same number of event rows into a plain
 *     table over the same JDBC pool, in batches of the same size.</li>
 * <li>Dashboard: 10 million view events generated (1 million views x 10 events), rolled up; p95 of
 *     each panel's query for the last 24 h, 7 d and 30 d.</li>
 * </ol>
 */
public final class AnalyticsBenchmark {

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int eventsPerBatch = 50;
        var context = new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--vidcastx.analytics.beacons-per-minute=1000000");
        try {
            var dsl = context.getBean(DSLContext.class);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            var organization = new OrganizationId(UUID.randomUUID());
            dsl.execute("insert into organizations (organization_id, name, slug) values (?, 'Bench', ?)",
                    organization.value(), "bench-" + organization.value());
            String key = context.getBean(EnvironmentKeys.class).keyOf(organization);
            var ingest = context.getBean(BeaconIngest.class);

            // Warm-up (Yauaa's analyzer, JIT, connection pool), not measured.
            postAll(port, key, 50, eventsPerBatch);
            ingest.flush();

            long start = System.nanoTime();
            var latencies = postAll(port, key, batches, eventsPerBatch);
            ingest.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            double ingestRate = batches * eventsPerBatch / seconds;

            double bareRate = bareInsert(context.getBean(DataSource.class), batches, eventsPerBatch);
            System.out.printf(Locale.ROOT, "ingest: %d events in %.2f s = %.0f events/s; request p50 %.1f ms, p99 %.1f ms%n",
                    batches * eventsPerBatch, seconds, ingestRate, percentile(latencies, 50), percentile(latencies, 99));
            System.out.printf(Locale.ROOT, "bare multi-row insert of the same rows: %.0f rows/s%n", bareRate);
            System.out.printf(Locale.ROOT, "ratio ingest/bare: %.2fx (goal >= 0.5x and >= 5,000 events/s)%n", ingestRate / bareRate);

            // A second organization: the ingest run above already has rollups of its own for these hours.
            var generated = new OrganizationId(UUID.randomUUID());
            dsl.execute("insert into organizations (organization_id, name, slug) values (?, 'Bench dashboard', ?)",
                    generated.value(), "bench-" + generated.value());
            dashboard(dsl, context.getBean(AnalyticsRepository.class), generated);
        } finally {
            context.close();
        }
    }

    private static List<Double> postAll(int port, String key, int batches, int eventsPerBatch) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var latencies = new ConcurrentLinkedQueue<Double>();
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(4);
        String[] agents = {AnalyticsTestAccess.CHROME,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"};
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    String viewId = UUID.randomUUID().toString();
                    var body = new StringBuilder("{\"metadata\":{},\"events\":[");
                    for (int e = 0; e < eventsPerBatch; e++) {
                        body.append(e == 0 ? "" : ",").append("{\"e\":\"").append(e == 0 ? "viewstart" : "hb")
                                .append("\",\"ake\":\"").append(key).append("\",\"xid\":\"").append(viewId)
                                .append("\",\"vid\":\"video-").append(b % 50).append("\",\"xwati\":").append(e * 10_000L)
                                .append(",\"xtlctpbti\":").append(e * 10_000L).append(",\"pphti\":").append(e * 10_000L)
                                .append(e == 1 ? ",\"xtitofifr\":640" : "").append('}');
                    }
                    body.append("]}");
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .header("Content-Type", "text/plain").header("User-Agent", agents[b % agents.length])
                            .header("X-Forwarded-For", "8.8." + (b / 250 % 250) + "." + (b % 250 + 1))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                    long t0 = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("beacon answered " + response.statusCode());
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return new ArrayList<>(latencies);
    }

    /** The reference: the same number of event rows, the same batch size, one multi-row insert per batch, 4 threads. */
    private static double bareInsert(DataSource dataSource, int batches, int rowsPerBatch) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create table if not exists bench_bare_events (view_day date, view_id varchar,"
                    + " organization_id uuid, event varchar, received_at timestamptz, playhead_ms bigint)");
            c.createStatement().execute("truncate bench_bare_events");
        }
        var sql = new StringBuilder("insert into bench_bare_events values ");
        for (int i = 0; i < rowsPerBatch; i++) {
            sql.append(i == 0 ? "" : ",").append("(current_date, ?, ?, 'hb', now(), ?)");
        }
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql.toString())) {
                    UUID organization = UUID.randomUUID();
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        String view = UUID.randomUUID().toString();
                        for (int i = 0; i < rowsPerBatch; i++) {
                            insert.setString(i * 3 + 1, view);
                            insert.setObject(i * 3 + 2, organization);
                            insert.setLong(i * 3 + 3, i * 10_000L);
                        }
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double rate = batches * rowsPerBatch / ((System.nanoTime() - start) / 1e9);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("drop table bench_bare_events");
        }
        return rate;
    }

    private static void dashboard(DSLContext dsl, AnalyticsRepository repository, OrganizationId organization) {
        var now = java.time.Instant.now();
        var today = now.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        repository.ensurePartitions(today.minusDays(31), today.plusDays(1));
        long t0 = System.nanoTime();
        // 1,000,000 views over 30 days (10 events each: 10 million events), 500 videos, 40 countries,
        // 4 device classes, 5 systems, 6 browsers.
        dsl.execute("insert into analytics_views (view_day, view_id, organization_id, video_ref, viewer_id, country,"
                + " device_class, os, browser, started_at, last_event_at, watch_time_ms, playing_time_ms, startup_time_ms,"
                + " rebuffer_ms, error_code, ended, started)"
                + " select (t at time zone 'UTC')::date, 'g' || i, ?::uuid, 'video-' || (i % 500), 'v' || (i % 200000),"
                + " (array['US','DE','FR','GB','IN','BR','JP','SG','HK','CA','AU','ES','IT','NL','SE','PL','MX','AR','ZA','KR',"
                + "'NG','EG','TR','ID','PH','VN','TH','MY','NZ','IE','PT','CH','AT','BE','DK','NO','FI','CZ','RO','GR'])[1 + i % 40],"
                + " (array['Desktop','Phone','Tablet','TV'])[1 + i % 4], (array['Windows','macOS','Android','iOS','Linux'])[1 + i % 5],"
                + " (array['Chrome','Safari','Firefox','Edge','Samsung Internet','Opera'])[1 + i % 6], t, t + interval '5 minutes',"
                + " 60000 + i % 240000, 55000 + i % 230000, 200 + i % 3000, case when i % 20 = 0 then 1500 else 0 end,"
                + " case when i % 100 = 0 then 'net' end, true, true"
                + " from (select i, now() - (i % 2592000) * interval '1 second' as t from generate_series(1, 1000000) i) s",
                organization.value().toString());
        dsl.execute("insert into analytics_events (view_day, view_id, organization_id, event, received_at, playhead_ms)"
                + " select view_day, view_id, organization_id, 'hb', started_at + e * interval '10 seconds', e * 10000"
                + " from analytics_views, generate_series(1, 10) e where organization_id = ?::uuid", organization.value().toString());
        for (String table : List.of("analytics_hourly", "analytics_daily")) {
            String bucket = table.equals("analytics_hourly") ? "date_trunc('hour', started_at at time zone 'UTC') at time zone 'UTC'" : "view_day";
            dsl.execute("insert into " + table + " select organization_id, " + bucket + ", video_ref, country, device_class, os, browser,"
                    + " count(*), count(distinct viewer_id), sum(watch_time_ms), sum(playing_time_ms), coalesce(sum(startup_time_ms),0),"
                    + " count(startup_time_ms), sum(rebuffer_ms), count(*) filter (where error_code is not null),"
                    + " count(*) filter (where startup_time_ms is null and error_code is null and ended) from analytics_views"
                    + " where organization_id = ?::uuid group by 1, 2, 3, 4, 5, 6, 7", organization.value().toString());
        }
        dsl.execute("analyze");
        System.out.printf(Locale.ROOT, "generated 1,000,000 views / 10,000,000 events and their rollups in %.0f s%n",
                (System.nanoTime() - t0) / 1e9);
        for (var range : List.of(java.time.Duration.ofHours(24), java.time.Duration.ofDays(7), java.time.Duration.ofDays(30))) {
            var query = AnalyticsQuery.last(organization, range, now);
            time("totals (+ distinct viewers, raw)", range, () -> repository.totals(query));
            time("timeseries", range, () -> repository.timeseries(query));
            for (var dimension : AnalyticsData.Dimension.values()) {
                time("breakdown " + dimension.column, range, () -> repository.breakdown(query, dimension, 250, false));
                time("breakdown " + dimension.column + " + distinct viewers", range,
                        () -> repository.breakdown(query, dimension, 250, true));
            }
            time("filtered (video + country)", range, () -> repository.totals(query.withVideo("video-7").withCountry("US")));
            time("startup p50/p95 (raw views)", range, () -> repository.startupPercentiles(query));
            time("startup median by country (raw)", range, () -> repository.startupPercentile(query, 0.5, AnalyticsData.Dimension.COUNTRY));
            time("startup p95 series (raw views)", range, () -> repository.startupPercentileSeries(query, 0.95));
        }
    }

    private static void time(String panel, java.time.Duration range, Runnable query) {
        query.run();
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "panel %-40s %-5s p50 %7.1f ms  p95 %7.1f ms%n", panel,
                range.toHours() <= 24 ? "24h" : range.toDays() + "d", ms[9], ms[18]);
    }

    private static double percentile(List<Double> values, int p) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
