package io.vidcastx.security;

import java.util.Locale;
import java.util.Optional;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Every sign-in attempt takes one slot of its account's budget and one
 * of its client address's budget <em>before</em> the password is checked, in one Redis script, so
 * parallel attempts cannot all pass a check made before any of them is counted. A correct password
 * gives its slots back, so the budgets count failures. Counted in Redis so every app instance agrees.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /**
     * KEYS: the account's and the address's counters. ARGV: their limits and the window in seconds.
     * Returns 0 when the attempt was counted, 1 or 2 when the account or the address is at its limit.
     */
    private static final String TAKE = """
            local account = tonumber(redis.call('GET', KEYS[1]) or '0')
            local address = tonumber(redis.call('GET', KEYS[2]) or '0')
            if account >= tonumber(ARGV[1]) then return 1 end
            if address >= tonumber(ARGV[2]) then return 2 end
            for _, key in ipairs(KEYS) do
              if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[3]) end
            end
            return 0
            """;
    private static final String GIVE_BACK = """
            for _, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
            end
            return 0
            """;

    /** Why an attempt was refused before its password was checked. */
    public enum Refusal { ACCOUNT, ADDRESS }

    private final StatefulRedisConnection<String, String> redis;
    private final SignInProperties properties;

    SignInThrottle(StatefulRedisConnection<String, String> redis, SignInProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public SignInProperties properties() {
        return properties;
    }

    /**
     * Counts an attempt before its password is checked.
     *
     * @return empty when the password may be checked; otherwise which budget is spent (nothing was counted)
     */
    public Optional<Refusal> take(String email, String clientAddress) {
        try {
            Long answer = redis.sync().eval(TAKE, ScriptOutputType.INTEGER,
                    new String[] {accountKey(email), addressKey(clientAddress)},
                    Integer.toString(properties.accountLimit()), Integer.toString(properties.addressLimit()),
                    Long.toString(properties.window().toSeconds()));
            return switch (answer.intValue()) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(Refusal.ACCOUNT);
                default -> Optional.of(Refusal.ADDRESS);
            };
        } catch (RuntimeException e) {
            // Redis down: signing in stays possible (bcrypt still costs every guess its time).
            log.warn("Sign-in throttle unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The password was right: the attempt does not count against either budget. */
    public void giveBack(String email, String clientAddress) {
        try {
            redis.sync().eval(GIVE_BACK, ScriptOutputType.INTEGER, accountKey(email), addressKey(clientAddress));
        } catch (RuntimeException e) {
            log.debug("Could not give back a sign-in attempt: {}", e.toString());
        }
    }

    static String accountKey(String email) {
        return "vidcastx:signin-failures:account:" + email.toLowerCase(Locale.ROOT);
    }

    static String addressKey(String clientAddress) {
        return "vidcastx:signin-failures:address:" + clientAddress;
    }
}
