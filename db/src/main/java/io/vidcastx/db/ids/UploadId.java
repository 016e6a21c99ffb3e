package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an upload. */
public record UploadId(UUID value) {

    public UploadId {
        Objects.requireNonNull(value, "value");
    }

    public static UploadId random() {
        return new UploadId(UUID.randomUUID());
    }

    public static UploadId parse(String text) {
        return new UploadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
