package io.vidcastx.analytics;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Views playing right now: one Redis sorted set per organization and per video, scored by the time of
 * each view's latest heartbeat; a view counts while that is within the window (30 s by default).
 */
@Component
public class NowWatching {

    private final StatefulRedisConnection<String, String> redis;
    private final NowWatchingBroadcaster broadcaster;
    private final Clock clock;
    private volatile Duration window;

    NowWatching(StatefulRedisConnection<String, String> redis, NowWatchingBroadcaster broadcaster, AnalyticsProperties properties) {
        this.redis = redis;
        this.broadcaster = broadcaster;
        this.clock = Clock.systemUTC();
        this.window = properties.nowWatchingWindow();
    }

    /** Runtime-settable so that a test can watch a view drop out without waiting 30 s. */
    public void window(Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    void heartbeat(OrganizationId organization, String videoRef, String viewId) {
        double now = clock.millis();
        var commands = redis.async();
        // A view new to the set (a first heartbeat, or one back from pause) changes the count: say so.
        commands.zadd(key(organization, null), now, viewId).thenAccept(added -> {
            if (added != null && added > 0) {
                broadcaster.announce(organization);
            }
        });
        commands.expire(key(organization, null), 3600);
        if (!videoRef.isEmpty()) {
            commands.zadd(key(organization, videoRef), now, viewId);
            commands.expire(key(organization, videoRef), 3600);
        }
    }

    void stopped(OrganizationId organization, String videoRef, String viewId) {
        var commands = redis.async();
        commands.zrem(key(organization, null), viewId).thenAccept(removed -> {
            if (removed != null && removed > 0) {
                broadcaster.announce(organization);
            }
        });
        if (!videoRef.isEmpty()) {
            commands.zrem(key(organization, videoRef), viewId);
        }
    }

    /**
     * Calls {@code listener} (on a Redis thread) when a view of the organization starts or stops watching.
     * @return a handle that unregisters it
     */
    Runnable onChange(OrganizationId organization, Runnable listener) {
        return broadcaster.register(organization, listener);
    }

    /** Views of the organization (or of one of its videos) with a heartbeat inside the window. */
    public long count(OrganizationId organization, @Nullable String videoRef) {
        long since = clock.millis() - window.toMillis();
        return redis.sync().zcount(key(organization, videoRef), Range.create((double) since, Double.POSITIVE_INFINITY));
    }

    private static String key(OrganizationId organization, @Nullable String videoRef) {
        return "analytics:watching:" + organization.value() + (videoRef == null ? "" : ":" + videoRef);
    }
}
