package io.vidcastx.core.media;

import java.util.List;

/**
 * The {@code -protocol_whitelist} every FFmpeg and ffprobe input on user media carries. A user's file
 * can be a playlist (HLS, concat, ...) whose entries FFmpeg would otherwise open with any protocol it
 * has: {@code http://} to a machine inside our network, {@code tcp:}, {@code data:}, ... The whitelist
 * applies to the input and to everything FFmpeg opens on its behalf.
 */
public final class InputProtocols {

    /** A file on local disk; what it references may only be local files too. */
    public static final String LOCAL_FILE = "file";
    /** A presigned URL of our own storage: HTTP, or HTTPS (TLS over TCP). */
    public static final String STORAGE_URL = "http,https,tcp,tls";

    private InputProtocols() {
    }

    /** The option to put before {@code -i} (or before ffprobe's input). */
    public static List<String> only(String protocols) {
        return List.of("-protocol_whitelist", protocols);
    }
}
