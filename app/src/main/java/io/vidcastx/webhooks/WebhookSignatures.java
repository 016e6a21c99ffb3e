package io.vidcastx.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and the signature headers of a delivery, per the Standard Webhooks specification
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>} with the key being the base64 part of {@code whsec_...}) and, for receivers
 * written for Mux, {@code Mux-Signature: t=<timestamp>,v1=<hex HMAC-SHA256 of timestamp.body>} keyed
 * with the whole secret string as Mux's SDKs use it. Several secrets (during a rotation) give
 * several signatures in each header; receivers accept any that matches.
 */
public final class WebhookSignatures {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The headers that carry the delivery's identity and signatures, in sending order. */
    public static Map<String, String> headers(String messageId, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret signs a delivery");
        }
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature", secrets.stream()
                .map(secret -> "v1," + standardSignature(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" ")));
        headers.put("Mux-Signature", "t=" + timestampSeconds + secrets.stream()
                .map(secret -> ",v1=" + muxSignature(secret, timestampSeconds, body))
                .collect(Collectors.joining()));
        return headers;
    }

    /** Base64 HMAC-SHA256 of {@code id.timestamp.body} under the decoded {@code whsec_} key. */
    public static String standardSignature(String secret, String messageId, long timestampSeconds, String body) {
        byte[] mac = hmac(standardKey(secret), messageId + "." + timestampSeconds + "." + body);
        return Base64.getEncoder().encodeToString(mac);
    }

    /** Hex HMAC-SHA256 of {@code timestamp.body}, keyed with the secret's characters as Mux does. */
    public static String muxSignature(String secret, long timestampSeconds, String body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestampSeconds + "." + body));
    }

    private static byte[] standardKey(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A signing secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
