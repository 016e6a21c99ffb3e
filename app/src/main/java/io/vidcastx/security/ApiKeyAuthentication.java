package io.vidcastx.security;

import java.util.List;

import io.vidcastx.accounts.Role;
import io.vidcastx.security.ApiKeyAuthenticator.KeyOwner;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final KeyOwner owner;

    public ApiKeyAuthentication(KeyOwner owner) {
        // Full-access keys may also read the actuator's metrics (ManagementSecurityConfiguration).
        super(owner.role() == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_API"),
                        new SimpleGrantedAuthority("ROLE_" + ManagementSecurityConfiguration.ADMIN_KEY_ROLE))
                : List.of(new SimpleGrantedAuthority("ROLE_API")));
        this.owner = owner;
        setAuthenticated(true);
    }

    public KeyOwner owner() {
        return owner;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }
}
