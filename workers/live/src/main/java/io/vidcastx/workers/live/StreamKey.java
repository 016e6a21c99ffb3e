package io.vidcastx.workers.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stream key as a publisher sent it. It is a secret: {@link #toString()} shows only a short hash,
 * so that it cannot reach a log line, a file name or a metric label by accident.
 */
public final class StreamKey {

    private static final int MAX_LENGTH = 256;

    private final String value;

    private StreamKey(String value) {
        this.value = value;
    }

    /**
     * The key in an RTMP publishing name ({@code KEY} or {@code KEY?query}, as some encoders append
     * parameters), if it is a plausible key: 1-256 printable ASCII characters without a slash.
     */
    public static Optional<StreamKey> fromPublishingName(String name) {
        int query = name.indexOf('?');
        String key = query >= 0 ? name.substring(0, query) : name;
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '/')) {
            return Optional.empty();
        }
        return Optional.of(new StreamKey(key));
    }

    /** The secret itself: compare it, look it up; never print it. */
    public String reveal() {
        return value;
    }

    /** The first 8 hex digits of the key's SHA-256: enough to tell keys apart in a log. */
    public String shortHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamKey key && MessageDigest.isEqual(
                key.value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "StreamKey[sha256:" + shortHash() + "]";
    }
}
