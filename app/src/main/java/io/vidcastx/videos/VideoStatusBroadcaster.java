package io.vidcastx.videos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vidcastx.core.videos.VideoStatusCodec;
import io.vidcastx.core.videos.VideoStatusMessage;
import io.vidcastx.db.ids.OrganizationId;
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

    private static final Logger log = LoggerFactory.getLogger(VideoStatusBroadcaster.class);

    private final Map<OrganizationId, Set<Consumer<VideoStatusMessage>>> listeners = new ConcurrentHashMap<>();
    private final StatefulRedisPubSubConnection<String, String> connection;

    VideoStatusBroadcaster(RedisClient redis) {
        this.connection = redis.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(message);
            }
        });
        connection.sync().subscribe(VideoStatusMessage.CHANNEL);
    }

    /** @return a handle that unregisters the listener */
    public Runnable register(OrganizationId organizationId, Consumer<VideoStatusMessage> listener) {
        listeners.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.getOrDefault(organizationId, Set.of()).remove(listener);
    }

    void deliver(String text) {
        var decoded = VideoStatusCodec.decode(text);
        if (decoded.isEmpty()) {
            log.debug("Ignoring malformed status message '{}'", text);
            return;
        }
        var message = decoded.get();
        for (var listener : listeners.getOrDefault(message.organizationId(), Set.of())) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                log.debug("A dashboard listener failed: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        connection.close();
    }
}
