package io.vidcastx.analytics;

import java.time.Instant;
import java.time.LocalDate;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * What the beacons of one batch say about one view: the SDK's counters are cumulative, so merging two
 * updates keeps the larger value, and the first known startup time. {@code started}: the viewer asked
 * to play (Mux Data counts a view from then); a player that only loaded reports a view id too.
 */
record ViewUpdate(LocalDate viewDay, String viewId, OrganizationId organization, String videoRef, @Nullable String videoTitle,
                  String viewerId, String country, @Nullable String region, @Nullable String city, String deviceClass,
                  String os, String browser, @Nullable String browserVersion, Instant startedAt, Instant lastEventAt,
                  long watchTimeMs, long playingTimeMs, @Nullable Long startupTimeMs, long rebufferMs, int rebufferCount,
                  @Nullable String errorCode, @Nullable String errorMessage, boolean ended, boolean started) {

    ViewUpdate merge(ViewUpdate later) {
        return new ViewUpdate(viewDay, viewId, organization, videoRef.isEmpty() ? later.videoRef : videoRef,
                videoTitle != null ? videoTitle : later.videoTitle, viewerId, country, region, city, deviceClass, os, browser,
                browserVersion, startedAt.isBefore(later.startedAt) ? startedAt : later.startedAt,
                lastEventAt.isAfter(later.lastEventAt) ? lastEventAt : later.lastEventAt,
                Math.max(watchTimeMs, later.watchTimeMs), Math.max(playingTimeMs, later.playingTimeMs),
                startupTimeMs != null ? startupTimeMs : later.startupTimeMs, Math.max(rebufferMs, later.rebufferMs),
                Math.max(rebufferCount, later.rebufferCount), later.errorCode != null ? later.errorCode : errorCode,
                later.errorMessage != null ? later.errorMessage : errorMessage, ended || later.ended, started || later.started);
    }
}
