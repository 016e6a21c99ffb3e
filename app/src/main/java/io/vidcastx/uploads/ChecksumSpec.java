package io.vidcastx.uploads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** A TUS {@code Upload-Checksum} header: an algorithm and the Base64 digest of the request body. */
public record ChecksumSpec(String algorithm, byte[] expected) {

    /** TUS names to JCA names. */
    public static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "md5", "MD5", "sha256", "SHA-256");

    public static ChecksumSpec parse(String header) {
        String[] parts = header.strip().split(" ");
        if (parts.length != 2) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Upload-Checksum must be '<algorithm> <base64 digest>'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.containsKey(algorithm)) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Unsupported checksum algorithm '" + parts[0]
                    + "'; use one of " + String.join(", ", ALGORITHMS.keySet()));
        }
        try {
            return new ChecksumSpec(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Upload-Checksum digest is not Base64");
        }
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
