package io.vidcastx.analytics;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The shapes analytics answers in: rows of a breakdown, points of a time series, one view. */
public final class AnalyticsData {

    private AnalyticsData() {
    }

    public enum Dimension {
        COUNTRY("country"), DEVICE_CLASS("device_class"), OS("os"), BROWSER("browser"), VIDEO("video_ref");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    public record Breakdown(String value, Totals totals) {
    }

    public record Point(Instant at, Totals totals) {
    }

    public record Percentiles(double p50, double p95) {
    }

    /** The watch time of the views an organization's players reported as started in one UTC hour. */
    public record HourlyWatchTime(io.vidcastx.db.ids.OrganizationId organizationId, Instant hour, long watchTimeMs) {
    }

    public record ViewRecord(String viewId, String videoRef, @Nullable String videoTitle, String viewerId, String country,
                      @Nullable String region, @Nullable String city, String deviceClass, String os, String browser,
                      @Nullable String browserVersion, Instant startedAt, Instant lastEventAt, long watchTimeMs,
                      long playingTimeMs, @Nullable Long startupTimeMs, long rebufferMs, int rebufferCount,
                      @Nullable String errorCode, boolean ended) {
    }
}
