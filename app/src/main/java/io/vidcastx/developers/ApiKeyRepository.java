package io.vidcastx.developers;

import java.util.List;
import java.util.Optional;

import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.OrganizationId;

/** API keys as stored: a token id and the SHA-256 of the secret, never the secret. */
public interface ApiKeyRepository {

    /** A stored key as authentication needs it. */
    record StoredKey(ApiKeyId id, OrganizationId organizationId, String name, String secretHash, boolean revoked,
                     Role role) {
    }

    Optional<StoredKey> findByTokenId(String tokenId);

    void markUsed(ApiKeyId id);

    /** The organization's keys that are not revoked, newest first. */
    List<ApiKeyService.ApiKeyInfo> listActive(OrganizationId organizationId);

    boolean existsByTokenId(String tokenId);

    /** @return false when there was no such active key in the organization */
    boolean revoke(OrganizationId organizationId, ApiKeyId id);

    void insert(ApiKeyId id, OrganizationId organizationId, String name, String tokenId, String secretHash, Role role);
}
