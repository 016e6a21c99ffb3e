package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a transcript (one language of a video's captions); the jOOQ columns named `transcript_id` carry this type. */
public record TranscriptId(UUID value) {

    public TranscriptId {
        Objects.requireNonNull(value, "value");
    }

    public static TranscriptId random() {
        return new TranscriptId(UUID.randomUUID());
    }

    public static TranscriptId parse(String text) {
        return new TranscriptId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
