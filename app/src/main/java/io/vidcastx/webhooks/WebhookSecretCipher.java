package io.vidcastx.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.vidcastx.db.ids.WebhookEndpointId;

/**
 * Encrypts signing secrets at rest with AES-256-GCM. The endpoint's id is authenticated data, so a
 * ciphertext copied onto another endpoint's row does not decrypt. Stored as {@code v1:<base64 of
 * nonce and ciphertext>}.
 */
final class WebhookSecretCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    WebhookSecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The webhook encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String encrypt(WebhookEndpointId endpoint, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, endpoint, secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    /** @throws IllegalStateException when the text was not sealed by this key for this endpoint */
    String decrypt(WebhookEndpointId endpoint, String ciphertext) {
        if (!ciphertext.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown webhook secret format");
        }
        byte[] stored = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
        byte[] nonce = java.util.Arrays.copyOf(stored, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, endpoint, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, WebhookEndpointId endpoint, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpoint.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("A webhook signing secret does not decrypt: was vidcastx.webhooks.encryption-key changed?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
