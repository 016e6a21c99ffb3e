package io.vidcastx.developers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;

/**
 * Playback signing keys as stored: the public half, Base64 of its X.509 encoding. The customer's keys
 * keep nothing else; the dashboard's own key per organization also keeps its private half, sealed.
 */
public interface SigningKeyRepository {

    void insert(UUID id, OrganizationId organizationId, String publicKeyBase64);

    /** The organization's own keys that are not revoked, newest first (never the dashboard's key). */
    List<SigningKeyService.SigningKeyInfo> listActive(OrganizationId organizationId);

    /** @return false when there was no such active key of the organization's own (the dashboard's key is not one) */
    boolean revoke(OrganizationId organizationId, UUID id);

    /** The public key of an active signing key of this organization. */
    Optional<String> findActivePublicKey(OrganizationId organizationId, UUID id);

    /** Adds the organization's dashboard key unless it has one already. */
    void insertDashboardKey(UUID id, OrganizationId organizationId, String publicKeyBase64, String sealedPrivateKey);

    Optional<DashboardKey> findDashboardKey(OrganizationId organizationId);

    /** The dashboard's key: its id (the tokens' {@code kid}) and its sealed PKCS#8 private key. */
    record DashboardKey(UUID id, String sealedPrivateKey) {
    }
}
