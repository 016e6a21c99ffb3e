package io.vidcastx.core.redis;

import java.util.Objects;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.core.embedded.EmbeddedServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Lettuce client per process, as a Spring singleton: a dev-mode reload reuses it rather than
 * opening a second one. Components that issue blocking commands open their own connection from it.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    public RedisClient redisClient(RedisProperties properties, EmbeddedServers embedded) {
        String url = properties.isExternal() ? Objects.requireNonNull(properties.url()) : embedded.redis().url();
        RedisURI uri = RedisURI.create(url);
        var client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while Redis is away: PostgreSQL holds every job, so a failed dispatch is
                // retried by the queue's sweeper instead of piling up in an unbounded local buffer.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .build());
        RedisConnectionEventLogger.attach(client.getResources());
        log.info("Redis client for {}:{}", uri.getHost(), uri.getPort());
        return client;
    }

    /** The shared, thread-safe connection for non-blocking commands. */
    @Bean(destroyMethod = "close")
    public StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }
}
