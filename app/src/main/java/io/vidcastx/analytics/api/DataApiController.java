package io.vidcastx.analytics.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.vidcastx.analytics.AnalyticsQuery;
import io.vidcastx.analytics.AnalyticsData;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.analytics.Totals;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mux Data's {@code /data/v1} API over the rollups: the official SDK's {@code mux.data.metrics.*} and
 * {@code mux.data.videoViews.*} work with only the base URL changed.
 */
@RestController
@RequestMapping(value = "/data/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DataApiController {

    /** Metric name to its value from rollup sums. Times in ms, ratios 0..1 (as Mux reports them). */
    private static final Map<String, ToDoubleFunction<Totals>> METRICS = Map.of(
            "views", Totals::views,
            "unique_viewers", Totals::uniqueViewers,
            "playing_time", Totals::playingTimeMs,
            "video_startup_time", Totals::startupTimeMs,
            "rebuffer_percentage", Totals::rebufferRatio,
            "playback_failure_percentage", Totals::failureRatio,
            "viewer_experience_score", Totals::experienceScore,
            "exits_before_video_start", Totals::exitsBeforeStart);

    private static final Map<String, AnalyticsData.Dimension> GROUPS = Map.of(
            "country", AnalyticsData.Dimension.COUNTRY,
            "device_category", AnalyticsData.Dimension.DEVICE_CLASS,
            "operating_system", AnalyticsData.Dimension.OS,
            "browser", AnalyticsData.Dimension.BROWSER,
            "video_id", AnalyticsData.Dimension.VIDEO);

    /** Metrics measured per view as a distribution: Mux's {@code measurement} picks median (their default), 95th or avg. */
    private static final String STARTUP = "video_startup_time";
    private static final Map<String, Double> PERCENTILES = Map.of("median", 0.5, "95th", 0.95);

    private final AnalyticsService analytics;
    private final CallerResolver callers;

    DataApiController(AnalyticsService analytics, CallerResolver callers) {
        this.analytics = analytics;
        this.callers = callers;
    }

    @GetMapping("/metrics/{metric}/overall")
    Map<String, Object> overall(@PathVariable String metric, @RequestParam(name = "timeframe[]", required = false) @Nullable List<String> timeframe,
                                @RequestParam(name = "filters[]", required = false) @Nullable List<String> filters,
                                @RequestParam(required = false) @Nullable String measurement) {
        var value = metric(metric);
        var percentile = percentile(metric, measurement);
        var query = query(timeframe, filters);
        var totals = analytics.totals(caller(), query);
        var data = new LinkedHashMap<String, Object>();
        data.put("value", percentile == null ? value.applyAsDouble(totals)
                : analytics.startupPercentile(caller(), query, percentile, null).getOrDefault("", 0.0));
        data.put("total_views", totals.views());
        data.put("total_watch_time", totals.watchTimeMs());
        data.put("total_playing_time", totals.playingTimeMs());
        data.put("global_value", null);
        return Map.of("data", data, "timeframe", frame(query), "total_row_count", 1);
    }

    @GetMapping("/metrics/{metric}/breakdown")
    Map<String, Object> breakdown(@PathVariable String metric, @RequestParam(name = "group_by", required = false) @Nullable String groupBy,
                                  @RequestParam(name = "timeframe[]", required = false) @Nullable List<String> timeframe,
                                  @RequestParam(name = "filters[]", required = false) @Nullable List<String> filters,
                                  @RequestParam(required = false, defaultValue = "25") int limit,
                                  @RequestParam(required = false) @Nullable String measurement) {
        var value = metric(metric);
        var percentile = percentile(metric, measurement);
        var dimension = GROUPS.get(groupBy == null ? "country" : groupBy);
        if (dimension == null) {
            throw new IllegalArgumentException("group_by must be one of " + String.join(", ", GROUPS.keySet()));
        }
        var query = query(timeframe, filters);
        var rows = new ArrayList<Map<String, Object>>();
        var percentiles = percentile == null ? Map.<String, Double>of() : analytics.startupPercentile(caller(), query, percentile, dimension);
        int size = Math.clamp(limit, 1, 1000);
        var breakdown = "unique_viewers".equals(metric) ? analytics.breakdownWithViewers(caller(), query, dimension, size)
                : analytics.breakdown(caller(), query, dimension, size);
        for (var row : breakdown) {
            var item = new LinkedHashMap<String, Object>();
            item.put("field", row.value());
            item.put("value", percentile == null ? value.applyAsDouble(row.totals()) : percentiles.getOrDefault(row.value(), 0.0));
            item.put("views", row.totals().views());
            item.put("total_watch_time", row.totals().watchTimeMs());
            item.put("total_playing_time", row.totals().playingTimeMs());
            item.put("negative_impact", 0);
            rows.add(item);
        }
        return Map.of("data", rows, "timeframe", frame(query), "total_row_count", rows.size());
    }

    @GetMapping("/metrics/{metric}/timeseries")
    Map<String, Object> timeseries(@PathVariable String metric, @RequestParam(name = "timeframe[]", required = false) @Nullable List<String> timeframe,
                                   @RequestParam(name = "filters[]", required = false) @Nullable List<String> filters,
                                   @RequestParam(required = false) @Nullable String measurement) {
        var value = metric(metric);
        var percentile = percentile(metric, measurement);
        var query = query(timeframe, filters);
        var rows = new ArrayList<List<Object>>();
        var percentiles = percentile == null ? Map.<Instant, Double>of() : analytics.startupPercentileSeries(caller(), query, percentile);
        for (var point : analytics.timeseries(caller(), query)) {
            rows.add(List.of(point.at().toString(), percentile == null ? value.applyAsDouble(point.totals())
                    : percentiles.getOrDefault(point.at(), 0.0), point.totals().views()));
        }
        return Map.of("data", rows, "timeframe", frame(query), "total_row_count", rows.size());
    }

    @GetMapping("/video-views")
    Map<String, Object> videoViews(@RequestParam(name = "timeframe[]", required = false) @Nullable List<String> timeframe,
                                   @RequestParam(name = "filters[]", required = false) @Nullable List<String> filters,
                                   @RequestParam(name = "viewer_id", required = false) @Nullable String viewerId,
                                   @RequestParam(required = false, defaultValue = "25") int limit,
                                   @RequestParam(required = false, defaultValue = "1") int page) {
        var query = query(timeframe, filters);
        int size = Math.clamp(limit, 1, 1000);
        var views = analytics.views(caller(), query, viewerId, size, (Math.max(page, 1) - 1) * size);
        return Map.of("data", views.stream().map(DataApiController::view).toList(), "timeframe", frame(query),
                "total_row_count", views.size());
    }

    @GetMapping("/video-views/{id}")
    ResponseEntity<Map<String, Object>> videoView(@PathVariable String id) {
        return analytics.view(caller(), id).<ResponseEntity<Map<String, Object>>>map(view -> ResponseEntity.ok(Map.of("data", view(view))))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", "No video view with this id"));
    }

    /** Views with a heartbeat in the last 30 s, for the organization or one video (Mux's real-time "concurrent viewers"). */
    @GetMapping("/now-watching")
    Map<String, Object> nowWatching(@RequestParam(name = "video_id", required = false) @Nullable String videoId) {
        return Map.of("data", Map.of("viewers", analytics.nowWatching(caller(), videoId)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    private static Map<String, Object> view(AnalyticsData.ViewRecord v) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", v.viewId());
        map.put("video_id", v.videoRef());
        map.put("video_title", v.videoTitle());
        map.put("viewer_id", v.viewerId());
        map.put("country_code", v.country());
        map.put("region", v.region());
        map.put("city", v.city());
        map.put("viewer_device_category", v.deviceClass());
        map.put("viewer_os_family", v.os());
        map.put("browser", v.browser());
        map.put("browser_version", v.browserVersion());
        map.put("view_start", v.startedAt().toString());
        map.put("view_end", v.lastEventAt().toString());
        map.put("watch_time", v.watchTimeMs());
        map.put("playing_time", v.playingTimeMs());
        map.put("time_to_first_frame", v.startupTimeMs());
        map.put("rebuffer_duration", v.rebufferMs());
        map.put("rebuffer_count", v.rebufferCount());
        map.put("player_error_code", v.errorCode());
        map.put("exit_before_video_start", v.startupTimeMs() == null && v.errorCode() == null && v.ended());
        return map;
    }

    /**
     * The percentile (0..1) a request asks of a distribution metric, read from the raw views (rollups hold
     * sums, not distributions); null where the value comes from the rollups (every other metric, or avg).
     */
    private static @Nullable Double percentile(String metric, @Nullable String measurement) {
        if (!STARTUP.equals(metric)) {
            if (measurement != null && !"avg".equals(measurement)) {
                throw new IllegalArgumentException("measurement '" + measurement + "' applies to " + STARTUP + " only");
            }
            return null;
        }
        String wanted = measurement == null ? "median" : measurement;
        if ("avg".equals(wanted)) {
            return null;
        }
        var fraction = PERCENTILES.get(wanted);
        if (fraction == null) {
            throw new IllegalArgumentException("measurement must be median, 95th or avg");
        }
        return fraction;
    }

    private static ToDoubleFunction<Totals> metric(String metric) {
        var value = METRICS.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("Unknown metric '" + metric + "'; known: " + String.join(", ", METRICS.keySet()));
        }
        return value;
    }

    /**
     * Mux's {@code timeframe[]}: one relative value ({@code 24:hours}, {@code 7:days}) or two epoch
     * seconds; the last 24 hours without one. {@code filters[]}: {@code dimension:value}.
     */
    private AnalyticsQuery query(@Nullable List<String> timeframe, @Nullable List<String> filters) {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(24));
        Instant to = now;
        if (timeframe != null && timeframe.size() == 1) {
            String[] parts = timeframe.getFirst().split(":");
            if (parts.length != 2 || !parts[0].matches("\\d{1,4}")) {
                throw new IllegalArgumentException("timeframe[] must be like 24:hours or two epoch seconds");
            }
            long amount = Long.parseLong(parts[0]);
            Duration range = switch (parts[1]) {
                case "minutes", "minute" -> Duration.ofMinutes(amount);
                case "hours", "hour" -> Duration.ofHours(amount);
                case "days", "day" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("timeframe[] unit must be minutes, hours or days");
            };
            from = now.minus(range);
        } else if (timeframe != null && timeframe.size() == 2) {
            try {
                from = Instant.ofEpochSecond(Long.parseLong(timeframe.get(0)));
                to = Instant.ofEpochSecond(Long.parseLong(timeframe.get(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timeframe[] must be two epoch seconds");
            }
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("timeframe[] must start before it ends");
            }
        } else if (timeframe != null && !timeframe.isEmpty()) {
            throw new IllegalArgumentException("timeframe[] takes one relative value or two epoch seconds");
        }
        var query = new AnalyticsQuery(caller().organizationId(), from, to, null, null, null, null, null);
        for (String filter : filters == null ? List.<String>of() : filters) {
            int colon = filter.indexOf(':');
            if (colon <= 0 || colon == filter.length() - 1) {
                throw new IllegalArgumentException("filters[] must be like country:US");
            }
            String value = filter.substring(colon + 1);
            query = switch (filter.substring(0, colon)) {
                case "video_id" -> query.withVideo(value);
                case "country" -> query.withCountry(value);
                case "device_category" -> query.withDeviceClass(value);
                case "operating_system" -> query.withOs(value);
                case "browser" -> query.withBrowser(value);
                default -> throw new IllegalArgumentException("filters[] dimension must be video_id, country, device_category,"
                        + " operating_system or browser");
            };
        }
        return query;
    }

    private static List<Long> frame(AnalyticsQuery query) {
        return List.of(query.from().getEpochSecond(), query.to().getEpochSecond());
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new AccessDeniedException("No organization"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, @Nullable String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type,
                "messages", List.of(message == null ? type : message))));
    }
}
