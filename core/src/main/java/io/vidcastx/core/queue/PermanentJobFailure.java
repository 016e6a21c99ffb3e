package io.vidcastx.core.queue;

/**
 * A failure that no retry can fix (a corrupt upload, an unknown video): the job is marked failed at
 * once with this message, which should tell a person what happened and what to do.
 */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
