package io.vidcastx.analytics;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vidcastx.db.ids.OrganizationId;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the open dashboards of an organization that a view started or stopped watching, whichever app
 * instance the beacon reached (Redis pub/sub, message: the organization's id). Only joins and leaves
 * are announced, not every heartbeat; a view that ages out of the window announces nothing, so the
 * pages also ask again every few seconds (ADR 0026).
 */
@Component
class NowWatchingBroadcaster {

    static final String CHANNEL = "analytics:now-watching";
    private static final Logger log = LoggerFactory.getLogger(NowWatchingBroadcaster.class);

    private final Map<OrganizationId, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final StatefulRedisConnection<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    /**
     * Listeners read the count back from Redis; doing that on Lettuce's event loop thread (where the
     * message arrives) could wait on itself, so they run on a thread of their own.
     */
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("analytics-now-watching").daemon().factory());

    NowWatchingBroadcaster(RedisClient client, StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                dispatch.execute(() -> deliver(message));
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    /** @return a handle that unregisters the listener */
    Runnable register(OrganizationId organization, Runnable listener) {
        listeners.computeIfAbsent(organization, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.getOrDefault(organization, Set.of()).remove(listener);
    }

    void announce(OrganizationId organization) {
        redis.async().publish(CHANNEL, organization.value().toString());
    }

    private void deliver(String message) {
        OrganizationId organization;
        try {
            organization = new OrganizationId(UUID.fromString(message));
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring malformed now-watching message '{}'", message);
            return;
        }
        for (var listener : listeners.getOrDefault(organization, Set.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A dashboard listener failed: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        subscription.close();
        dispatch.shutdown();
    }
}
