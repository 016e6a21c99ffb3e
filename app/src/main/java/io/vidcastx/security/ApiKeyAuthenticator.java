package io.vidcastx.security;

import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;

/**
 * Checks a presented API key for the security filters. The developers feature, which owns the keys,
 * implements it: security stays below every feature (each feature uses {@link Caller}).
 */
public interface ApiKeyAuthenticator {

    /** The organization a valid key acts for, and the role it acts with. */
    record KeyOwner(ApiKeyId id, OrganizationId organizationId, String name, Role role) {
    }

    /** The key's owner, or empty for an unknown id, a wrong secret or a revoked key alike. */
    Optional<KeyOwner> authenticate(String tokenId, String secret);
}
