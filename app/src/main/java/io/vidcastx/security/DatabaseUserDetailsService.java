package io.vidcastx.security;

import io.vidcastx.accounts.AccountDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard sign-in against the users table; the e-mail address is the user name ({@link ThrottledSignInProvider} throttles it). */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final AccountDirectory accounts;

    DatabaseUserDetailsService(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return accounts.credentials(email)
                .map(credentials -> User.withUsername(credentials.email())
                        .password(credentials.passwordHash())
                        .roles("USER")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail address"));
    }
}
