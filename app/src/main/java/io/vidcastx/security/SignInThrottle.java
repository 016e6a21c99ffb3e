package io.vidcastx.security;

import java.time.Duration;
import java.util.Locale;

import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one e-mail address
 * from one client address within {@code WINDOW}, that pair is refused until the window passes. Counted
 * in Redis so every app instance agrees; a successful sign-in clears the count.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final StatefulRedisConnection<String, String> redis;

    SignInThrottle(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    /** True when this e-mail address may not sign in from this client for now. */
    public boolean isBlocked(String email, String clientAddress) {
        try {
            String count = redis.sync().get(key(email, clientAddress));
            return count != null && Integer.parseInt(count) >= MAX_FAILURES;
        } catch (RuntimeException e) {
            log.warn("Sign-in throttle unavailable: {}", e.toString());
            return false;
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        try {
            String key = key(event.getAuthentication().getName(), address(event.getAuthentication()));
            long failures = redis.sync().incr(key);
            if (failures == 1) {
                redis.sync().expire(key, WINDOW.toSeconds());
            }
        } catch (RuntimeException e) {
            log.warn("Could not count a failed sign-in: {}", e.toString());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        try {
            redis.sync().del(key(event.getAuthentication().getName(), address(event.getAuthentication())));
        } catch (RuntimeException e) {
            log.debug("Could not clear sign-in failures: {}", e.toString());
        }
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    private static String key(String email, String address) {
        return "vidcastx:signin-failures:" + email.toLowerCase(Locale.ROOT) + ":" + address;
    }
}
