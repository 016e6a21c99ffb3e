package io.vidcastx.analytics;

import java.time.Duration;
import java.time.Instant;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/** A time range of one organization's views, optionally narrowed to one video, country, device class, OS or browser. */
public record AnalyticsQuery(OrganizationId organization, Instant from, Instant to, @Nullable String videoRef,
                             @Nullable String country, @Nullable String deviceClass, @Nullable String os,
                             @Nullable String browser) {

    public static AnalyticsQuery last(OrganizationId organization, Duration range, Instant now) {
        return new AnalyticsQuery(organization, now.minus(range), now, null, null, null, null, null);
    }

    public AnalyticsQuery withVideo(@Nullable String video) {
        return new AnalyticsQuery(organization, from, to, video, country, deviceClass, os, browser);
    }

    public AnalyticsQuery withCountry(@Nullable String value) {
        return new AnalyticsQuery(organization, from, to, videoRef, value, deviceClass, os, browser);
    }

    public AnalyticsQuery withDeviceClass(@Nullable String value) {
        return new AnalyticsQuery(organization, from, to, videoRef, country, value, os, browser);
    }

    public AnalyticsQuery withOs(@Nullable String value) {
        return new AnalyticsQuery(organization, from, to, videoRef, country, deviceClass, value, browser);
    }

    public AnalyticsQuery withBrowser(@Nullable String value) {
        return new AnalyticsQuery(organization, from, to, videoRef, country, deviceClass, os, value);
    }
}
