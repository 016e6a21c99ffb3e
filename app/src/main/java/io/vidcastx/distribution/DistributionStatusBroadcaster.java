package io.vidcastx.distribution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vidcastx.core.youtube.DistributionStatusMessage;
import io.vidcastx.db.ids.VideoId;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Relays the publisher worker's distribution messages (Redis pub/sub, from any machine) to the open
 * video pages of that video. Lettuce resubscribes after a reconnect by itself.
 */
@Component
public class DistributionStatusBroadcaster {

    private final Map<VideoId, Set<Consumer<DistributionStatusMessage>>> listeners = new ConcurrentHashMap<>();
    private final StatefulRedisPubSubConnection<String, String> connection;

    DistributionStatusBroadcaster(RedisClient redis) {
        this.connection = redis.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                DistributionStatusMessage.decode(message).ifPresent(decoded -> {
                    for (var listener : listeners.getOrDefault(decoded.videoId(), Set.of())) {
                        try {
                            listener.accept(decoded);
                        } catch (RuntimeException e) {
                            // a closed page: its detach unregisters it
                        }
                    }
                });
            }
        });
        connection.sync().subscribe(DistributionStatusMessage.CHANNEL);
    }

    /** @return a handle that unregisters the listener */
    public Runnable register(VideoId video, Consumer<DistributionStatusMessage> listener) {
        listeners.computeIfAbsent(video, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.getOrDefault(video, Set.of()).remove(listener);
    }

    @PreDestroy
    void close() {
        connection.close();
    }
}
