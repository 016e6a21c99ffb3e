package io.vidcastx.videos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Relays the transcode worker's status messages (Redis pub/sub, from any worker machine) to the
 * open dashboards of the video's organization. Lettuce resubscribes after a reconnect by itself.
 */
@Component
public class VideoStatusBroadcaster {

    /** Same channel the worker publishes on: {@code <organizationId> <videoId> <status> <percent>}. */
    static final String CHANNEL = "vidcastx:video-status";
    private static final Logger log = LoggerFactory.getLogger(VideoStatusBroadcaster.class);

    /** A status change as dashboards see it. */
    public record StatusChange(VideoId videoId, VideoStatus status, int progress) {
    }

    private final Map<OrganizationId, Set<Consumer<StatusChange>>> listeners = new ConcurrentHashMap<>();
    private final StatefulRedisPubSubConnection<String, String> connection;

    VideoStatusBroadcaster(RedisClient redis) {
        this.connection = redis.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(message);
            }
        });
        connection.sync().subscribe(CHANNEL);
    }

    /** @return a handle that unregisters the listener */
    public Runnable register(OrganizationId organizationId, Consumer<StatusChange> listener) {
        listeners.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.getOrDefault(organizationId, Set.of()).remove(listener);
    }

    void deliver(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 4) {
            return;
        }
        try {
            var organizationId = OrganizationId.parse(parts[0]);
            var change = new StatusChange(VideoId.parse(parts[1]), VideoStatus.fromDb(parts[2]), Integer.parseInt(parts[3]));
            for (var listener : listeners.getOrDefault(organizationId, Set.of())) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    log.debug("A dashboard listener failed: {}", e.toString());
                }
            }
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring malformed status message '{}'", message);
        }
    }

    @PreDestroy
    void close() {
        connection.close();
    }
}
