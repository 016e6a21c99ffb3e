package io.vidcastx.webhooks;

import java.util.Locale;

/** Why an endpoint receives nothing. */
public enum DisabledReason {
    /** Someone turned it off. */
    MANUAL,
    /** It answered 410 Gone: the receiver asked for no more deliveries. */
    GONE,
    /** Every attempt failed for {@code vidcastx.webhooks.disable-after}. */
    FAILING;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DisabledReason fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Disabled by Vidcastx rather than by a person: the organization is told in the dashboard. */
    public boolean automatic() {
        return this != MANUAL;
    }
}
