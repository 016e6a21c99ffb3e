package io.vidcastx.uploads.direct;

import java.util.regex.Pattern;

import io.vidcastx.uploads.UploadException;
import org.jspecify.annotations.Nullable;

/** A request's {@code Content-Range: bytes first-last/total} (total may be "*"), as UpChunk sends it. */
record ContentRange(long first, long last, @Nullable Long total) {

    private static final Pattern FORMAT = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    static @Nullable ContentRange parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var match = FORMAT.matcher(header.strip());
        if (!match.matches()) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Content-Range must look like 'bytes 0-1023/4096'");
        }
        long first;
        long last;
        Long total;
        try {
            first = Long.parseLong(match.group(1));
            last = Long.parseLong(match.group(2));
            total = match.group(3).equals("*") ? null : Long.parseLong(match.group(3));
        } catch (NumberFormatException e) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Content-Range positions are too large");
        }
        if (last < first || (total != null && last >= total)) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Content-Range is inconsistent: " + header);
        }
        return new ContentRange(first, last, total);
    }
}
