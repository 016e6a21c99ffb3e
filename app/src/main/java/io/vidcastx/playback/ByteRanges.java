package io.vidcastx.playback;

import java.util.regex.Pattern;

import io.vidcastx.core.storage.ByteRange;
import org.jspecify.annotations.Nullable;

/** HTTP Range requests on one object ({@code bytes=first-last}, {@code first-}, {@code -suffix}). */
final class ByteRanges {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private ByteRanges() {
    }

    /** Thrown for a range outside the object: 416, with {@code Content-Range: bytes *}{@code /size} when the size is known. */
    static final class Unsatisfiable extends RuntimeException {
        final long size;

        Unsatisfiable() {
            this(-1);
        }

        Unsatisfiable(long size) {
            super(null, null, false, false);
            this.size = size;
        }
    }

    /**
     * A position of the header; numbers too long for a {@code long} (no object is that large) become
     * {@link Long#MAX_VALUE} instead of failing the request.
     */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /**
     * A range with a known start ({@code first-last} or {@code first-}), resolvable without the object's
     * size; null for none, a suffix range, or anything malformed.
     */
    static @Nullable ByteRange parseKnownStart(@Nullable String header) {
        if (header == null) {
            return null;
        }
        var match = SINGLE.matcher(header.strip());
        if (!match.matches() || match.group(1).isEmpty()) {
            return null;
        }
        long first = number(match.group(1));
        if (first == Long.MAX_VALUE) {
            throw new Unsatisfiable(); // past the end of any object
        }
        long last = match.group(2).isEmpty() ? Long.MAX_VALUE : number(match.group(2));
        if (last < first) {
            throw new Unsatisfiable();
        }
        // A last byte past any object means "to the end", and keeps the length from overflowing.
        return last == Long.MAX_VALUE ? ByteRange.from(first) : ByteRange.of(first, last);
    }

    /** {@code bytes=-N}: the last N bytes. */
    static boolean isSuffix(@Nullable String header) {
        if (header == null) {
            return false;
        }
        var match = SINGLE.matcher(header.strip());
        return match.matches() && match.group(1).isEmpty() && !match.group(2).isEmpty();
    }

    /** The requested range within {@code size} bytes; null for a whole-object request. */
    static @Nullable ByteRange parse(@Nullable String header, long size) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var match = SINGLE.matcher(header.strip());
        if (!match.matches() || (match.group(1).isEmpty() && match.group(2).isEmpty())) {
            return null; // multiple or malformed ranges: serve the whole object, as RFC 9110 allows
        }
        long first;
        long last;
        if (match.group(1).isEmpty()) {
            long suffix = number(match.group(2));
            if (suffix == 0) {
                throw new Unsatisfiable();
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = number(match.group(1));
            last = match.group(2).isEmpty() ? size - 1 : Math.min(number(match.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            throw new Unsatisfiable(size);
        }
        return ByteRange.of(first, last);
    }
}
