package io.vidcastx.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code vidcastx.sign-in.*}). Two separate budgets of failed password checks per
 * window: one per account, from any address (slows a spread-out guesser of one password), and one per
 * client address, over any accounts (slows one machine trying many accounts). The client address is
 * the one Tomcat resolves, which honours {@code X-Forwarded-For} only from the trusted proxies.
 *
 * @param accountLimit failed sign-ins for one e-mail address before it is refused for the rest of the window
 * @param addressLimit failed sign-ins from one client address before it is refused for the rest of the window
 * @param window       how long failures are counted, from the first one
 */
@ConfigurationProperties("vidcastx.sign-in")
public record SignInProperties(@DefaultValue("5") int accountLimit, @DefaultValue("30") int addressLimit,
                               @DefaultValue("15m") Duration window) {

    public SignInProperties {
        if (accountLimit < 1 || addressLimit < 1) {
            throw new IllegalArgumentException("vidcastx.sign-in limits must be at least 1");
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("vidcastx.sign-in.window must be at least a second");
        }
    }
}
