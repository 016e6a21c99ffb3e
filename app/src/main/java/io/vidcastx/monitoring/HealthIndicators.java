package io.vidcastx.monitoring;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.bootstrap.BootstrapStatus;
import io.vidcastx.core.storage.StorageService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The readiness group's own members ({@code db} is Boot's): each is named after its bean, minus
 * {@code HealthIndicator}. None says more than UP or DOWN to a caller without an admin key.
 */
@Configuration(proxyBeanMethods = false)
class HealthIndicators {

    /** Redis carries job dispatch and live updates: PING on the shared connection. */
    @Bean
    HealthIndicator redisHealthIndicator(StatefulRedisConnection<String, String> redis) {
        return () -> {
            try {
                return "PONG".equals(redis.sync().ping()) ? Health.up().build() : Health.down().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    /** Uploads and playback need the bucket. */
    @Bean
    HealthIndicator storageHealthIndicator(StorageService storage) {
        return () -> storage.isReachable() ? Health.up().build() : Health.down().build();
    }

    /** The environment's owner and API key exist before traffic is let in. */
    @Bean
    HealthIndicator bootstrapHealthIndicator(BootstrapStatus status) {
        return () -> status.isFinished() ? Health.up().build() : Health.outOfService().build();
    }
}
