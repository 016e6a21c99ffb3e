package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a rendition; the jOOQ columns named `rendition_id` carry this type. */
public record RenditionId(UUID value) {

    public RenditionId {
        Objects.requireNonNull(value, "value");
    }

    public static RenditionId random() {
        return new RenditionId(UUID.randomUUID());
    }

    public static RenditionId parse(String text) {
        return new RenditionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
