package io.vidcastx.developers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.core.crypto.WebhookEncryptionKey;
import io.vidcastx.webhooks.WebhookProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals the dashboard signing keys' private halves at rest with AES-256-GCM. Operators keep one secret,
 * {@code vidcastx.webhooks.encryption-key}; the AES key here is derived from it (HMAC-SHA256 over a
 * label) so the two uses never share a key. The key id and organization are authenticated data: a
 * sealed key copied onto another row or organization does not open. Stored as {@code v1:<base64>}.
 */
@Component
class DashboardKeyCipher {

    private static final String VERSION = "v1:";
    private static final byte[] LABEL = "vidcastx dashboard signing keys v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Autowired
    DashboardKeyCipher(WebhookProperties settings, EmbeddedServers embedded) {
        this(WebhookEncryptionKey.load(settings.encryptionKey(), embedded.dataDir()));
    }

    DashboardKeyCipher(byte[] masterKey) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(LABEL), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HMAC-SHA256", e);
        }
    }

    String seal(UUID keyId, OrganizationId organization, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, keyId, organization, privateKey);
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    /** @throws IllegalStateException when the text was not sealed by this key for this key id and organization */
    byte[] open(UUID keyId, OrganizationId organization, String sealedText) {
        if (!sealedText.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown sealed key format");
        }
        byte[] stored = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), keyId, organization,
                Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
    }

    private byte[] run(int mode, byte[] nonce, UUID keyId, OrganizationId organization, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((keyId + "/" + organization).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("The dashboard signing key does not decrypt: was vidcastx.webhooks.encryption-key changed?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
