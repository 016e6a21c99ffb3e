package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a video; the jOOQ columns named `video_id` carry this type. */
public record VideoId(UUID value) {

    public VideoId {
        Objects.requireNonNull(value, "value");
    }

    public static VideoId random() {
        return new VideoId(UUID.randomUUID());
    }

    public static VideoId parse(String text) {
        return new VideoId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
