package io.vidcastx.videos;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Dashboard benchmark (bench/dashboard/run.sh): with 100,000 videos in one organization, the
 * server-side time of the videos list's first page (the tab counts, from which the grid also takes
 * its size, and the first 50 rows, as the view asks for them) and of a switch to the Ready tab; p50 and p95. Reference: the bare SQL of the
 * first page's rows through the same pool, in the same run.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) {
        int videos = args.length > 1 && args[0].equals("--videos") ? Integer.parseInt(args[1]) : 100_000;
        var context = new SpringApplicationBuilder(VidcastxApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            var dsl = context.getBean(DSLContext.class);
            var service = context.getBean(VideoService.class);
            var organization = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Bench")
                    .set(ORGANIZATIONS.SLUG, "bench-" + organization).execute();
            long start = System.nanoTime();
            dsl.execute("""
                    insert into videos (video_id, organization_id, title, status, progress, duration_seconds, width, height,
                                        playback_id, created_at)
                    select gen_random_uuid(), ?::uuid, 'Video ' || n || case when n % 97 = 0 then ' Lisbon' else '' end,
                           case when n % 20 = 0 then 'failed' when n % 10 = 0 then 'processing' else 'ready' end,
                           case when n % 10 = 0 then n % 100 else 100 end, 30 + n % 600, 1920, 1080,
                           md5(n::text || random()::text), now() - n * interval '1 minute'
                    from generate_series(1, ?) n""", organization.value(), videos);
            dsl.execute("analyze videos");
            System.out.printf(Locale.ROOT, "Inserted %,d videos in %.1f s%n", videos, (System.nanoTime() - start) / 1e9);
            var caller = new Caller(organization, null, null, Role.OWNER);

            Supplier<Object> firstPage = () -> {
                service.countByStatus(caller, "");
                return service.list(caller, new VideoFilter(null, ""), VideoSort.NEWEST, 0, 50);
            };
            Supplier<Object> readyTab = () -> {
                service.countByStatus(caller, "");
                return service.list(caller, new VideoFilter(VideoStatus.READY, ""), VideoSort.NEWEST, 0, 50);
            };
            Supplier<Object> search = () -> {
                service.countByStatus(caller, "lisbon");
                return service.list(caller, new VideoFilter(null, "lisbon"), VideoSort.NEWEST, 0, 50);
            };
            Supplier<Object> bareRows = () -> dsl.fetch("select video_id, title, status, progress, duration_seconds, width,"
                    + " height, error_reason, created_at, playback_id from videos where organization_id = ?::uuid"
                    + " order by created_at desc, video_id limit 50", organization.value());

            System.out.printf(Locale.ROOT, "%nDashboard benchmark: %,d videos in one organization, %d cores, 300 runs each%n",
                    videos, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-44s %9s %9s%n", "server-side time", "p50 ms", "p95 ms");
            double[] reference = measure("bare SQL: first 50 rows only", bareRows);
            double[] first = measure("videos list, first page (counts + 50 rows)", firstPage);
            measure("tab switch to Ready (counts + 50 rows)", readyTab);
            measure("title search \"lisbon\" (counts + rows)", search);
            System.out.printf(Locale.ROOT, "ratio first page / bare rows query: %.2fx at p50%n", first[0] / reference[0]);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static double[] measure(String label, Supplier<Object> work) {
        for (int i = 0; i < 50; i++) {
            work.get();
        }
        double[] times = new double[300];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        double p50 = times[times.length / 2];
        double p95 = times[(int) Math.ceil(times.length * 0.95) - 1];
        System.out.printf(Locale.ROOT, "%-44s %9.2f %9.2f%n", label, p50, p95);
        return new double[] {p50, p95};
    }
}
