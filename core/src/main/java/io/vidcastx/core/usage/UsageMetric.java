package io.vidcastx.core.usage;

/** What is metered, with the unit the plans and Stripe's meters count in. */
public enum UsageMetric {
    ENCODING_MINUTES("encoding_minutes", "Encoding", "min"),
    LIVE_MINUTES("live_minutes", "Live streaming", "min"),
    STORAGE_GB_HOURS("storage_gb_hours", "Storage", "GB-h"),
    DELIVERY_MINUTES("delivery_minutes", "Delivery", "min"),
    AI_MINUTES("ai_minutes", "AI (transcription, dubbing)", "min");

    private final String dbValue;
    private final String label;
    private final String unit;

    UsageMetric(String dbValue, String label, String unit) {
        this.dbValue = dbValue;
        this.label = label;
        this.unit = unit;
    }

    /** The name in the database, the API and the configuration ({@code encoding_minutes}). */
    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public static UsageMetric fromDb(String value) {
        for (var metric : values()) {
            if (metric.dbValue.equals(value)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("Unknown usage metric " + value);
    }
}
