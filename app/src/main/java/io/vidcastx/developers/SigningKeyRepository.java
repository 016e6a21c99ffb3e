package io.vidcastx.developers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;

/** Playback signing keys as stored: the public half only, Base64 of its X.509 encoding. */
public interface SigningKeyRepository {

    void insert(UUID id, OrganizationId organizationId, String publicKeyBase64);

    /** The organization's keys that are not revoked, newest first. */
    List<SigningKeyService.SigningKeyInfo> listActive(OrganizationId organizationId);

    /** @return false when there was no such active key in the organization */
    boolean revoke(OrganizationId organizationId, UUID id);

    /** The public key of an active signing key of this organization. */
    Optional<String> findActivePublicKey(OrganizationId organizationId, UUID id);
}
