package io.vidcastx.api;

/**
 * Mux's list parameters: {@code limit} (clamped to 1..100) and {@code page} (from 1). A page so far
 * out that its offset would not fit an {@code int} is refused with 400 rather than overflowing into a
 * negative offset.
 *
 * @param limit  rows per page
 * @param offset rows to skip
 */
public record Paging(int limit, int offset) {

    public static final int MAX_LIMIT = 100;

    public static Paging of(int limit, int page) {
        int size = Math.clamp(limit, 1, MAX_LIMIT);
        long offset = (Math.max(page, 1) - 1L) * size;
        if (offset > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page must be at most " + (Integer.MAX_VALUE / size + 1)
                    + " with limit " + size);
        }
        return new Paging(size, (int) offset);
    }

    /** A request parameter out of range: 400 {@code invalid_parameters}. */
    public static final class InvalidParameterException extends RuntimeException {
        public InvalidParameterException(String message) {
            super(message);
        }
    }
}
