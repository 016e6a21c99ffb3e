package io.vidcastx.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * The event store. Today PostgreSQL (day partitions plus rollup tables); ADR 0022 says when and how
 * it moves to a column store behind this same interface.
 */
interface AnalyticsRepository {


    /** Writes one batch in one transaction: view upserts, then events, then the rollups of the touched hours and days. */
    void write(List<ViewUpdate> views, List<ViewEvent> events);

    /**
     * Sums of the range from the rollups; unique viewers counted distinct over the raw views of the same
     * span, so that a viewer who returns in another hour or day counts once.
     */
    Totals totals(AnalyticsQuery query);

    /**
     * Rows of one dimension ({@link AnalyticsData.Dimension}), most views first, from the rollups. Unique
     * viewers per row are counted (distinct over the raw views, as in {@link #totals}) only with
     * {@code countViewers}; without it they are 0: that count costs a scan of the range's raw views,
     * which the dashboard's tables and charts, showing views and watch time, do not pay (ADR 0026).
     */
    List<AnalyticsData.Breakdown> breakdown(AnalyticsQuery query, AnalyticsData.Dimension dimension, int limit, boolean countViewers);

    /** One point per hour (ranges up to 3 days) or per day. */
    List<AnalyticsData.Point> timeseries(AnalyticsQuery query);

    /** Startup time percentiles (ms) of the views started in the range; null with none. */
    AnalyticsData.@Nullable Percentiles startupPercentiles(AnalyticsQuery query);

    /**
     * Startup time (ms) at this percentile (0..1) over the raw views started in the range, per value of
     * {@code by} (or under the key "" with none); groups without a started view are absent.
     */
    Map<String, Double> startupPercentile(AnalyticsQuery query, double fraction, AnalyticsData.@Nullable Dimension by);

    /** Startup time at this percentile per bucket of {@link #timeseries} (hours up to 3 days, else days). */
    Map<Instant, Double> startupPercentileSeries(AnalyticsQuery query, double fraction);

    List<AnalyticsData.ViewRecord> views(AnalyticsQuery query, @Nullable String viewerId, int limit, int offset);

    Optional<AnalyticsData.ViewRecord> view(OrganizationId organization, String viewId);

    /**
     * Watch time per organization and hour for the hours starting in [from, to), from the hourly
     * rollup; organizations and hours without any are left out.
     */
    List<AnalyticsData.HourlyWatchTime> watchTimeByHour(Instant from, Instant to);

    /** Creates the day partitions of raw views and events for these days, if missing. */
    void ensurePartitions(LocalDate from, LocalDate to);

    /** Drops whole day partitions older than this day; returns how many. */
    int dropPartitionsBefore(LocalDate day);
}
