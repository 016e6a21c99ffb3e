package io.vidcastx.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The dashboard's password sign-in: the attempt is counted by {@link SignInThrottle} first, and only
 * an attempt within both budgets reaches the (deliberately slow) bcrypt check.
 */
@Component
class ThrottledSignInProvider implements AuthenticationProvider {

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledSignInProvider(SignInThrottle throttle, DatabaseUserDetailsService users, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = attempt.getName();
        String address = address(attempt);
        var refusal = throttle.take(email, address);
        if (refusal.isPresent()) {
            throw new LockedException("Too many failed sign-ins " + (refusal.get() == SignInThrottle.Refusal.ACCOUNT
                    ? "for this account" : "from your network") + ": try again in "
                    + throttle.properties().window().toMinutes() + " minutes");
        }
        Authentication result = passwords.authenticate(attempt);
        throttle.giveBack(email, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client address as Tomcat resolved it (X-Forwarded-For only from a trusted proxy). */
    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
