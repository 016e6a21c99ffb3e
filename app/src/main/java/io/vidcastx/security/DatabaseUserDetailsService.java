package io.vidcastx.security;

import io.vidcastx.accounts.AccountRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard sign-in against the users table; the e-mail address is the user name. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final SignInThrottle throttle;

    DatabaseUserDetailsService(AccountRepository accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        String address = request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : "unknown";
        if (throttle.isBlocked(email, address)) {
            throw new org.springframework.security.authentication.LockedException(
                    "Too many failed sign-ins: try again in " + SignInThrottle.WINDOW.toMinutes() + " minutes");
        }
        return accounts.findCredentials(email)
                .map(credentials -> User.withUsername(credentials.email())
                        .password(credentials.passwordHash())
                        .roles("USER")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail address"));
    }
}
