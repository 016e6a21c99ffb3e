package io.vidcastx.core.youtube;

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

import io.vidcastx.db.ids.OrganizationId;

/**
 * Seals OAuth tokens at rest with AES-256-GCM under a key derived (HMAC-SHA256 over a label) from
 * {@code vidcastx.webhooks.encryption-key}, the one secret operators keep, as the dashboard signing keys
 * do. The organization and the token's kind are authenticated data: a token copied onto another
 * organization's row, or a refresh token pasted into the access token column, does not open.
 */
public final class SealedTokens {

    private static final String VERSION = "v1:";
    private static final byte[] LABEL = "vidcastx youtube tokens v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Kind { ACCESS, REFRESH }

    private final SecretKeySpec key;

    public SealedTokens(byte[] masterKey) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(LABEL), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HMAC-SHA256", e);
        }
    }

    public String seal(OrganizationId organization, Kind kind, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, organization, kind, token.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    public String open(OrganizationId organization, Kind kind, String sealedText) {
        if (!sealedText.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown sealed token format");
        }
        byte[] stored = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
        return new String(run(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), organization, kind,
                Arrays.copyOfRange(stored, NONCE_BYTES, stored.length)), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, OrganizationId organization, Kind kind, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((organization + "/" + kind).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A YouTube token does not decrypt: was vidcastx.webhooks.encryption-key changed?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
