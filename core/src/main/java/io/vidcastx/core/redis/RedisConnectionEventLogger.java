package io.vidcastx.core.redis;

import io.lettuce.core.event.Event;
import io.lettuce.core.event.connection.ConnectedEvent;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.event.connection.DisconnectedEvent;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the life of every Redis connection (connect, disconnect, reconnect attempts and failures) so a
 * Redis outage is never silent in the logs of the app or a worker.
 */
final class RedisConnectionEventLogger {

    private static final Logger log = LoggerFactory.getLogger("io.vidcastx.redis");

    private RedisConnectionEventLogger() {
    }

    static void attach(ClientResources resources) {
        resources.eventBus().get().subscribe(RedisConnectionEventLogger::log,
                error -> log.error("Redis event stream failed", error));
    }

    static void log(Event event) {
        switch (event) {
            case ConnectionActivatedEvent e -> log.info("Redis connection to {} active", e.remoteAddress());
            case ConnectedEvent e -> log.debug("Redis socket connected to {}", e.remoteAddress());
            case ConnectionDeactivatedEvent e -> log.info("Redis connection to {} closed", e.remoteAddress());
            // Also fired when we close a connection on purpose; a real loss shows as reconnect attempts.
            case DisconnectedEvent e -> log.debug("Redis socket to {} disconnected", e.remoteAddress());
            case ReconnectAttemptEvent e -> log.warn("Reconnecting to Redis at {} (attempt {}, next in {})",
                    e.remoteAddress(), e.getAttempt(), e.getDelay());
            case ReconnectFailedEvent e -> log.warn("Reconnecting to Redis at {} failed (attempt {}): {}",
                    e.remoteAddress(), e.getAttempt(), e.getCause().toString());
            default -> {
            }
        }
    }
}
