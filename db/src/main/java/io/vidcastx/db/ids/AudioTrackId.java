package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an audio track (one dubbed language of a video); the jOOQ columns named `audio_track_id` carry this type. */
public record AudioTrackId(UUID value) {

    public AudioTrackId {
        Objects.requireNonNull(value, "value");
    }

    public static AudioTrackId random() {
        return new AudioTrackId(UUID.randomUUID());
    }

    public static AudioTrackId parse(String text) {
        return new AudioTrackId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
