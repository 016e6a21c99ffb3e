package io.vidcastx.security;

import java.io.IOException;
import java.time.Instant;

import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-key rate limit for the API: a fixed one-minute window counted in Redis, so every app instance
 * shares it. Every answer carries {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
 * (epoch seconds); over the limit the answer is 429 with {@code Retry-After}. If Redis is away the
 * request is let through (and logged): an outage of the limiter must not become an outage of the API.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimitFilter.class);

    private final StatefulRedisConnection<String, String> redis;
    private final SecurityContextHolderStrategy contexts;
    private final int perMinute;

    ApiRateLimitFilter(StatefulRedisConnection<String, String> redis, SecurityContextHolderStrategy contexts, int perMinute) {
        this.redis = redis;
        this.contexts = contexts;
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(contexts.getContext().getAuthentication() instanceof ApiKeyAuthentication key)) {
            chain.doFilter(request, response);
            return;
        }
        long now = Instant.now().getEpochSecond();
        long window = now / 60;
        long reset = (window + 1) * 60;
        long used;
        try {
            String counter = "vidcastx:rate:" + key.owner().id() + ":" + window;
            var commands = redis.sync();
            used = commands.incr(counter);
            if (used == 1) {
                commands.expire(counter, 120);
            }
        } catch (RuntimeException e) {
            log.warn("Rate limiter unavailable, letting the request through: {}", e.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-RateLimit-Limit", String.valueOf(perMinute));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, perMinute - used)));
        response.setHeader("X-RateLimit-Reset", String.valueOf(reset));
        if (used > perMinute) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, reset - now)));
            ApiErrors.write(response, 429, "too_many_requests",
                    "More than " + perMinute + " requests this minute with this API key; retry after the reset");
            return;
        }
        chain.doFilter(request, response);
    }
}
