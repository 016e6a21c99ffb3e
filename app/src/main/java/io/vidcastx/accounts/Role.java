package io.vidcastx.accounts;

import java.util.Locale;

/** A member's role in an organization, from most to least powerful. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
