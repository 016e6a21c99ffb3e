package io.vidcastx.core.queue;

import java.util.Locale;

/** A job's state in PostgreSQL. A waiting job whose run_at lies ahead is "delayed". */
public enum JobStatus {
    WAITING,
    ACTIVE,
    COMPLETED,
    FAILED;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
