package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a job; the jOOQ columns named `job_id` carry this type. */
public record JobId(UUID value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    public static JobId parse(String text) {
        return new JobId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
