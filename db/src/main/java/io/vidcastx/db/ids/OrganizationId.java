package io.vidcastx.db.ids;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a organization; the jOOQ columns named `organization_id` carry this type. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    public static OrganizationId parse(String text) {
        return new OrganizationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
