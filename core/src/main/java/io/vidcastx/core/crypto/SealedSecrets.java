package io.vidcastx.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that must be shown or used again (so cannot be hashed) with AES-256-GCM. Operators keep
 * one master secret ({@code vidcastx.webhooks.encryption-key}); each use derives its own AES key from it
 * with HMAC-SHA256 over a label, so two uses never share a key. The caller's context (say, the row's id
 * and organization) is authenticated data: a sealed value copied onto another row does not open.
 * Stored as {@code v1:<base64 of nonce and ciphertext>}.
 */
public final class SealedSecrets {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String purpose;

    /** @param label names the use, e.g. {@code "vidcastx dashboard signing keys v1"}; never reuse one */
    public SealedSecrets(byte[] masterKey, String label) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(label.getBytes(StandardCharsets.US_ASCII)), "AES");
            this.purpose = label;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HMAC-SHA256", e);
        }
    }

    public String seal(String context, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, context, secret);
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    /** @throws IllegalStateException when the text was not sealed by this key in this context */
    public byte[] open(String context, String sealedText) {
        if (!sealedText.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown sealed secret format");
        }
        byte[] stored = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), context,
                Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
    }

    private byte[] run(int mode, byte[] nonce, String context, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A sealed secret (" + purpose + ") does not open: was "
                    + "vidcastx.webhooks.encryption-key changed?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
