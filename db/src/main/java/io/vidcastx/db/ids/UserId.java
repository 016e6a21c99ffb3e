package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a user; the jOOQ columns named `user_id` carry this type. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
