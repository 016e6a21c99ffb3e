package io.vidcastx.developers;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing keys for signed playback, as Mux issues them: an RSA key pair whose private half goes to
 * the customer once (Base64 of a PEM, like Mux's {@code private_key}) and is never stored; we keep
 * the public half to verify tokens.
 */
@Service
public class SigningKeyService {

    private final SigningKeyRepository keys;

    SigningKeyService(SigningKeyRepository keys) {
        this.keys = keys;
    }

    public record CreatedSigningKey(String id, String privateKeyBase64Pem) {
    }

    public record SigningKeyInfo(String id, OffsetDateTime createdAt) {
    }

    @Transactional
    public CreatedSigningKey create(OrganizationId organizationId) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var id = UUID.randomUUID();
            keys.insert(id, organizationId, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new CreatedSigningKey(id.toString(),
                    Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<SigningKeyInfo> list(OrganizationId organizationId) {
        return keys.listActive(organizationId);
    }

    @Transactional
    public boolean revoke(OrganizationId organizationId, String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return keys.revoke(organizationId, keyId);
    }

    /** The public key of an active signing key of this organization. */
    @Transactional(readOnly = true)
    public Optional<RSAPublicKey> publicKey(OrganizationId organizationId, String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return keys.findActivePublicKey(organizationId, keyId).map(SigningKeyService::decode);
    }

    private static RSAPublicKey decode(String base64) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return (RSAPublicKey) key;
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("A stored signing key is unreadable", e);
        }
    }
}
