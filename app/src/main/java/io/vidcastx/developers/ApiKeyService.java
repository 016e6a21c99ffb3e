package io.vidcastx.developers;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.ApiKeyAuthenticator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys in Mux's shape: a public token id and a secret, presented together (HTTP Basic or
 * Bearer). Only a SHA-256 of the secret is stored; the secret is shown once, at creation.
 */
@Service
public class ApiKeyService implements ApiKeyAuthenticator {

    private final ApiKeyRepository keys;

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** A new key: the only moment its secret exists outside the caller's hands. */
    public record CreatedKey(ApiKeyId id, String tokenId, String secret) {
    }

    /** A key as lists show it: never its secret. */
    public record ApiKeyInfo(ApiKeyId id, String name, String tokenId, Role role, OffsetDateTime createdAt,
                             @org.jspecify.annotations.Nullable OffsetDateTime lastUsedAt) {
    }

    /** A key with an Admin's rights (read and write everything but billing and the organization itself). */
    @Transactional
    public CreatedKey create(OrganizationId organizationId, String name) {
        return create(organizationId, name, Role.ADMIN);
    }

    /** A key that acts with {@code role}; never Owner, so no key can bill or delete the organization. */
    @Transactional
    public CreatedKey create(OrganizationId organizationId, String name, Role role) {
        return store(organizationId, name, SecretTokens.random(18), SecretTokens.random(32), role);
    }

    /** Seeds a key whose token id and secret were chosen by the operator (VIDCASTX_BOOTSTRAP_API_KEY). */
    @Transactional
    public CreatedKey importKey(OrganizationId organizationId, String name, String tokenId, String secret) {
        if (tokenId.length() < 8 || secret.length() < 16) {
            throw new IllegalArgumentException("An API key needs a token id of at least 8 and a secret of at least 16 characters");
        }
        return store(organizationId, name, tokenId, secret, Role.ADMIN);
    }

    /**
     * Checks a presented token id and secret. The hash comparison is constant-time; unknown ids, wrong
     * secrets and revoked keys are all refused the same way.
     */
    @Override
    @Transactional
    public Optional<KeyOwner> authenticate(String tokenId, String secret) {
        var row = keys.findByTokenId(tokenId);
        String presented = SecretTokens.sha256Hex(secret);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var key = row.get();
        boolean matches = SecretTokens.sameDigest(presented, key.secretHash());
        if (!matches || key.revoked()) {
            return Optional.empty();
        }
        keys.markUsed(key.id());
        return Optional.of(new KeyOwner(key.id(), key.organizationId(), key.name(), key.role()));
    }

    /** The organization's keys that are not revoked, newest first. */
    @Transactional(readOnly = true)
    public java.util.List<ApiKeyInfo> list(OrganizationId organizationId) {
        return keys.listActive(organizationId);
    }

    @Transactional(readOnly = true)
    public boolean exists(String tokenId) {
        return keys.existsByTokenId(tokenId);
    }

    @Transactional
    public boolean revoke(OrganizationId organizationId, ApiKeyId id) {
        return keys.revoke(organizationId, id);
    }

    private CreatedKey store(OrganizationId organizationId, String name, String tokenId, String secret, Role role) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("An API key acts as an admin, member or viewer, never as an owner");
        }
        var id = ApiKeyId.random();
        keys.insert(id, organizationId, name, tokenId, SecretTokens.sha256Hex(secret), role);
        return new CreatedKey(id, tokenId, secret);
    }
}
