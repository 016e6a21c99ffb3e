package io.vidcastx.analytics;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Analytics ({@code vidcastx.analytics.*}).
 *
 * @param geoipDatabase        an MMDB file (e.g. a city-level one) used instead of the bundled
 *                             country-level database ({@code VIDCASTX_GEOIP_DATABASE})
 * @param retentionDays        raw views and events older than this are dropped (whole day partitions);
 *                             rollups stay
 * @param maxBatchSize         largest beacon body accepted (mux-embed sends at most 500 KB)
 * @param beaconsPerMinute     beacon requests one client address may send per minute
 * @param flushInterval        how long beacons wait in memory before one multi-row insert; a crash
 *                             loses at most this much
 * @param nowWatchingWindow    a view counts as watching while its last heartbeat is this recent
 */
@ConfigurationProperties("vidcastx.analytics")
public record AnalyticsProperties(
        @Nullable String geoipDatabase,
        @DefaultValue("90") int retentionDays,
        @DefaultValue("512KB") DataSize maxBatchSize,
        @DefaultValue("600") int beaconsPerMinute,
        @DefaultValue("1s") Duration flushInterval,
        @DefaultValue("30s") Duration nowWatchingWindow) {
}
