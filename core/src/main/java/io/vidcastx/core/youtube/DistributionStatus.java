package io.vidcastx.core.youtube;

import java.util.Locale;

/** Where a distribution stands; the lower-case names are the API's and the database's. */
public enum DistributionStatus {
    QUEUED, UPLOADING, PROCESSING, PUBLISHED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DistributionStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** Still moving: a second publish of the same video to the same channel must wait or replace it. */
    public boolean inProgress() {
        return this == QUEUED || this == UPLOADING || this == PROCESSING;
    }
}
