package io.vidcastx.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures from known views: unique viewers are counted once across the hours and days a range spans,
 * and startup percentiles come from the views themselves, not from averages of the rollups' sums.
 */
class AnalyticsFiguresTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AnalyticsRepository repository;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    OrganizationId organization;
    HttpTestClient api;
    Instant now;

    @BeforeEach
    void knownViews() {
        organization = new OrganizationId(UUID.randomUUID());
        dsl.execute("insert into organizations (organization_id, name, slug) values (?, 'Figures', ?)", organization.value(),
                "figures-" + organization.value());
        api = HttpTestClient.withNewKey(port, apiKeys, organization, "figures");
        now = Instant.now();
        var today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        repository.ensurePartitions(today.minusDays(3), today.plusDays(1));
        // Viewer "anna" watches in three different hours (two of them yesterday or today, one two days
        // ago) from NZ; "ben" twice in one hour from NZ; "cleo" once from DE. Startup times are skewed so
        // that median, 95th percentile and mean all differ, and differ again per hour.
        var views = new ArrayList<ViewUpdate>();
        views.add(view("anna", "NZ", now.minus(Duration.ofMinutes(150)), 100L));
        views.add(view("anna", "NZ", now.minus(Duration.ofMinutes(30)), 200L));
        views.add(view("anna", "NZ", now.minus(Duration.ofDays(2)), 5_000L));
        views.add(view("ben", "NZ", now.minus(Duration.ofMinutes(31)), 300L));
        views.add(view("ben", "NZ", now.minus(Duration.ofMinutes(32)), 400L));
        views.add(view("cleo", "DE", now.minus(Duration.ofMinutes(150)), 10_000L));
        views.add(view("cleo", "DE", now.minus(Duration.ofMinutes(151)), null)); // never started: no startup time
        repository.write(views, List.of());
    }

    @Test
    void a_viewer_who_returns_in_another_hour_or_day_counts_once() {
        var day = AnalyticsQuery.last(organization, Duration.ofHours(24), now.plusSeconds(1));
        var totals = repository.totals(day);
        assertThat(totals.views()).isEqualTo(6);
        assertThat(totals.uniqueViewers()).as("anna, ben and cleo, whatever the hours").isEqualTo(3);
        var byCountry = repository.breakdown(day, AnalyticsData.Dimension.COUNTRY, 10, true);
        assertThat(byCountry).extracting(AnalyticsData.Breakdown::value).containsExactly("NZ", "DE");
        assertThat(byCountry).extracting(row -> row.totals().uniqueViewers()).containsExactly(2L, 1L);
        assertThat(repository.breakdown(day, AnalyticsData.Dimension.COUNTRY, 10, false))
                .extracting(row -> row.totals().views()).containsExactly(4L, 2L);
        // Each point of the series is one hour, where the rollup's distinct count is exact; adding the
        // points up is what would over-count (anna is in two hours).
        var perHour = repository.timeseries(day).stream().map(point -> point.totals().uniqueViewers()).toList();
        assertThat(perHour).allMatch(n -> n <= 2);
        assertThat(perHour.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(4);

        var week = AnalyticsQuery.last(organization, Duration.ofDays(7), now.plusSeconds(1));
        assertThat(repository.totals(week).views()).isEqualTo(7);
        assertThat(repository.totals(week).uniqueViewers()).as("anna across days counts once").isEqualTo(3);
        assertThat(repository.totals(week.withCountry("NZ")).uniqueViewers()).isEqualTo(2);

        assertThat(metric("/data/v1/metrics/unique_viewers/overall?timeframe[]=7:days").get("value").asLong()).isEqualTo(3);
        var breakdown = get("/data/v1/metrics/unique_viewers/breakdown?group_by=country&timeframe[]=7:days").get("data");
        assertThat(breakdown.get(0).get("field").asString()).isEqualTo("NZ");
        assertThat(breakdown.get(0).get("value").asLong()).isEqualTo(2);

        // Mux's video-views list, narrowed to one viewer and a time range.
        assertThat(get("/data/v1/video-views?viewer_id=anna&timeframe[]=7:days").get("data")).hasSize(3);
        assertThat(get("/data/v1/video-views?viewer_id=anna&timeframe[]=24:hours").get("data")).hasSize(2);
        assertThat(get("/data/v1/video-views?viewer_id=anna&limit=1&page=3&timeframe[]=7:days").get("data")).hasSize(1);
        assertThat(get("/data/v1/video-views?viewer_id=nobody&timeframe[]=7:days").get("data")).isEmpty();
    }

    @Test
    void startup_percentiles_come_from_the_views_not_from_averages_of_rollups() {
        var day = AnalyticsQuery.last(organization, Duration.ofHours(24), now.plusSeconds(1));
        // Started views in 24 h: 100, 200, 300, 400, 10,000 ms. Median 300; p95 interpolates 400..10,000.
        var percentiles = repository.startupPercentiles(day);
        assertThat(percentiles).isNotNull();
        assertThat(percentiles.p50()).isEqualTo(300.0);
        assertThat(percentiles.p95()).isCloseTo(400 + 0.8 * 9_600, Offset.offset(0.001));

        assertThat(metric("/data/v1/metrics/video_startup_time/overall?timeframe[]=24:hours").get("value").asDouble())
                .as("Mux's default measurement for startup time is the median").isEqualTo(300.0);
        assertThat(metric("/data/v1/metrics/video_startup_time/overall?timeframe[]=24:hours&measurement=95th").get("value")
                .asDouble()).isCloseTo(8_080.0, Offset.offset(0.001));
        assertThat(metric("/data/v1/metrics/video_startup_time/overall?timeframe[]=24:hours&measurement=avg").get("value")
                .asDouble()).isEqualTo(2_200.0);
        // Over 7 days anna's 5,000 ms view two days ago joins: 100, 200, 300, 400, 5,000, 10,000.
        assertThat(metric("/data/v1/metrics/video_startup_time/overall?timeframe[]=7:days").get("value").asDouble())
                .isEqualTo(350.0);

        var byCountry = get("/data/v1/metrics/video_startup_time/breakdown?group_by=country&timeframe[]=24:hours").get("data");
        assertThat(byCountry.get(0).get("field").asString()).isEqualTo("NZ");
        assertThat(byCountry.get(0).get("value").asDouble()).as("median of 100, 200, 300, 400").isEqualTo(250.0);
        assertThat(byCountry.get(1).get("value").asDouble()).isEqualTo(10_000.0);

        // Per hour: the hour 150 minutes ago holds 100 and 10,000 (median 5,050; its mean is the same,
        // but its p95 is not an average of anything).
        var series = get("/data/v1/metrics/video_startup_time/timeseries?timeframe[]=24:hours&measurement=95th").get("data");
        var hour = now.minus(Duration.ofMinutes(150)).truncatedTo(ChronoUnit.HOURS).toString();
        var point = java.util.stream.StreamSupport.stream(series.spliterator(), false)
                .filter(row -> Instant.parse(row.get(0).asString()).toString().equals(hour)).findFirst().orElseThrow();
        assertThat(point.get(1).asDouble()).isCloseTo(100 + 0.95 * 9_900, Offset.offset(0.001));

        var refused = api.request("GET", "/data/v1/metrics/views/overall?measurement=95th").send();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("applies to video_startup_time only");
        assertThat(api.request("GET", "/data/v1/metrics/video_startup_time/overall?measurement=99th").send().statusCode())
                .isEqualTo(400);
    }

    @Test
    void retention_drops_whole_old_days_of_raw_views_and_keeps_their_rollups() {
        var old = java.time.LocalDate.of(2020, 1, 15);
        repository.ensurePartitions(old, old);
        var startedAt = old.atTime(12, 0).toInstant(ZoneOffset.UTC);
        var view = view("dora", "NZ", startedAt, 700L);
        repository.write(List.of(view), List.of(new ViewEvent(old, view.viewId(), organization, "viewstart", startedAt, 0L)));
        var thatDay = new AnalyticsQuery(organization, startedAt.minus(Duration.ofHours(12)), startedAt.plus(Duration.ofHours(12)),
                null, null, null, null, null);
        assertThat(repository.views(thatDay, null, 10, 0)).hasSize(1);

        assertThat(repository.dropPartitionsBefore(old.plusDays(1))).as("the day's views and events partitions").isGreaterThanOrEqualTo(2);

        assertThat(repository.views(thatDay, null, 10, 0)).isEmpty();
        assertThat(repository.view(organization, view.viewId())).isEmpty();
        assertThat(repository.totals(thatDay).views()).as("rollups outlive the raw views").isEqualTo(1);
        assertThat(dsl.fetchOne("select count(*) from pg_class where relname in ('analytics_views_20200115', 'analytics_events_20200115')")
                .get(0, Integer.class)).isZero();
    }

    private ViewUpdate view(String viewer, String country, Instant startedAt, Long startupMs) {
        return new ViewUpdate(startedAt.atOffset(ZoneOffset.UTC).toLocalDate(), UUID.randomUUID().toString(), organization,
                "video-figures", null, viewer, country, null, null, "Desktop", "Linux", "Chrome", "140", startedAt,
                startedAt.plusSeconds(60), 60_000, 58_000, startupMs, 0, 0, null, null, true, true);
    }

    private JsonNode metric(String path) {
        return get(path).get("data");
    }

    private JsonNode get(String path) {
        var response = api.request("GET", path.replace("[]", "%5B%5D")).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
