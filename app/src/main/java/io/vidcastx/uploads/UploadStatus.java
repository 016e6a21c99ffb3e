package io.vidcastx.uploads;

import java.util.Locale;

/** An upload's state, in Mux's words. */
public enum UploadStatus {
    WAITING,
    ASSET_CREATED,
    ERRORED,
    CANCELLED,
    TIMED_OUT;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UploadStatus fromApi(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
