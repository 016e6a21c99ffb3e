package io.vidcastx.core.storage;

/**
 * An inclusive byte range as HTTP Range requests express it: {@code first..last}, or from
 * {@code first} to the end when {@code last} is negative.
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0) {
            throw new IllegalArgumentException("Range start must not be negative: " + first);
        }
        if (last >= 0 && last < first) {
            throw new IllegalArgumentException("Range end " + last + " lies before its start " + first);
        }
    }

    public static ByteRange of(long first, long last) {
        return new ByteRange(first, last);
    }

    public static ByteRange from(long first) {
        return new ByteRange(first, -1);
    }

    public boolean isOpenEnded() {
        return last < 0;
    }

    /** Number of bytes, or -1 when open-ended. */
    public long length() {
        return isOpenEnded() ? -1 : last - first + 1;
    }
}
