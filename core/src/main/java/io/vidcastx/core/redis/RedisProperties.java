package io.vidcastx.core.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis connection ({@code VIDCASTX_REDIS_URL}, e.g. {@code redis://:password@host:6379/0} or
 * {@code rediss://} for TLS). Without a URL the embedded Redis is used.
 */
@ConfigurationProperties("vidcastx.redis")
public record RedisProperties(@Nullable String url, @DefaultValue("10s") Duration commandTimeout) {

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }
}
