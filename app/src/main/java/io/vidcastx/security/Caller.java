package io.vidcastx.security;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, for which organization, and with which role: a signed-in person (their membership's
 * role), or an API key (the full rights of an Admin of its organization).
 */
public record Caller(OrganizationId organizationId, @Nullable UserId userId, @Nullable ApiKeyId apiKeyId, Role role) {

    /** @throws org.springframework.security.access.AccessDeniedException when the role is lower */
    public void require(Role needed, String action) {
        if (!role.atLeast(needed)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "A " + role.dbValue() + " may not " + action + "; ask an " + needed.dbValue() + " or above");
        }
    }

    public boolean may(Role needed) {
        return role.atLeast(needed);
    }
}
