package io.vidcastx.analytics;

import java.util.List;
import java.util.Optional;

import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What the dashboard and the API read: always the caller's own organization, always from the rollups. */
@Service
public class AnalyticsService {

    private final AnalyticsRepository repository;
    private final EnvironmentKeys keys;
    private final NowWatching nowWatching;
    private final GeoLocator geo;

    AnalyticsService(AnalyticsRepository repository, EnvironmentKeys keys, NowWatching nowWatching, GeoLocator geo) {
        this.repository = repository;
        this.keys = keys;
        this.nowWatching = nowWatching;
        this.geo = geo;
    }

    /** The credit the IP database's licence asks for (CC BY 4.0 for the bundled and the DB-IP files). */
    public String placeDataCredit() {
        return geo.credit();
    }

    /** Since midnight UTC: the Home page's "Views today". */
    public Totals today(Caller caller) {
        var now = java.time.Instant.now();
        var midnight = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return totals(caller, new AnalyticsQuery(caller.organizationId(), midnight, now, null, null, null, null, null));
    }

    /**
     * Watch time per organization and hour, for billing's delivery minutes. Not a caller's query: it
     * reads every organization's rollup, each row naming its own organization.
     */
    public List<AnalyticsData.HourlyWatchTime> watchTimeByHour(java.time.Instant from, java.time.Instant to) {
        return repository.watchTimeByHour(from, to);
    }

    /** "42 s" or "3.5 min". */
    public static String duration(long ms) {
        return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.0f s", ms / 1000.0)
                : String.format(java.util.Locale.ROOT, "%.1f min", ms / 60_000.0);
    }

    public String environmentKey(Caller caller) {
        return keys.keyOf(caller.organizationId());
    }

    public Totals totals(Caller caller, AnalyticsQuery query) {
        return repository.totals(scoped(caller, query));
    }

    /** Rows of one dimension, most views first; unique viewers are not counted here (0), see {@link #breakdownWithViewers}. */
    public List<AnalyticsData.Breakdown> breakdown(Caller caller, AnalyticsQuery query, AnalyticsData.Dimension dimension,
                                                         int limit) {
        return repository.breakdown(scoped(caller, query), dimension, limit, false);
    }

    /** As {@link #breakdown}, with each row's unique viewers counted (a scan of the range's raw views). */
    public List<AnalyticsData.Breakdown> breakdownWithViewers(Caller caller, AnalyticsQuery query,
                                                              AnalyticsData.Dimension dimension, int limit) {
        return repository.breakdown(scoped(caller, query), dimension, limit, true);
    }

    public List<AnalyticsData.Point> timeseries(Caller caller, AnalyticsQuery query) {
        return repository.timeseries(scoped(caller, query));
    }

    public AnalyticsData.@Nullable Percentiles startupPercentiles(Caller caller, AnalyticsQuery query) {
        return repository.startupPercentiles(scoped(caller, query));
    }

    /** Startup time (ms) at this percentile (0..1) from the raw views, overall (key "") or per value of {@code by}. */
    public java.util.Map<String, Double> startupPercentile(Caller caller, AnalyticsQuery query, double fraction,
                                                          AnalyticsData.@Nullable Dimension by) {
        return repository.startupPercentile(scoped(caller, query), fraction, by);
    }

    /** Startup time (ms) at this percentile per bucket of {@link #timeseries}, from the raw views. */
    public java.util.Map<java.time.Instant, Double> startupPercentileSeries(Caller caller, AnalyticsQuery query, double fraction) {
        return repository.startupPercentileSeries(scoped(caller, query), fraction);
    }

    public List<AnalyticsData.ViewRecord> views(Caller caller, AnalyticsQuery query, @Nullable String viewerId, int limit,
                                                      int offset) {
        return repository.views(scoped(caller, query), viewerId, limit, offset);
    }

    public Optional<AnalyticsData.ViewRecord> view(Caller caller, String viewId) {
        return repository.view(caller.organizationId(), viewId);
    }

    public long nowWatching(Caller caller, @Nullable String videoRef) {
        return nowWatching.count(caller.organizationId(), videoRef);
    }

    /**
     * Calls {@code listener} from another thread when a view of the caller's organization starts or
     * stops watching (any app instance); a page then asks {@link #nowWatching} again.
     * @return a handle that unregisters it
     */
    public Runnable onNowWatchingChange(Caller caller, Runnable listener) {
        return nowWatching.onChange(caller.organizationId(), listener);
    }

    /** The query's organization is always the caller's, whatever was asked. */
    private static AnalyticsQuery scoped(Caller caller, AnalyticsQuery query) {
        return new AnalyticsQuery(caller.organizationId(), query.from(), query.to(), query.videoRef(), query.country(),
                query.deviceClass(), query.os(), query.browser());
    }
}
