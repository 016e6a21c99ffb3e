package io.vidcastx.webhooks;

import java.util.Locale;

/** Where a delivery stands: still being tried, accepted by the receiver, or given up. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
