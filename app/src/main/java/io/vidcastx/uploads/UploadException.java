package io.vidcastx.uploads;

/**
 * An upload request that cannot be honoured, with the HTTP status the protocols give it and a
 * message for the client.
 */
public class UploadException extends RuntimeException {

    public enum Reason {
        NOT_FOUND(404),
        EXPIRED(410),
        OFFSET_MISMATCH(409),
        IN_USE(423),
        TOO_LARGE(413),
        CHECKSUM_MISMATCH(460),
        NOT_WAITING(409),
        BAD_REQUEST(400);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public UploadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
