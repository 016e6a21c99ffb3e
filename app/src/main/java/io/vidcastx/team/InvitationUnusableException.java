package io.vidcastx.team;

/** An invitation link that cannot be used (unknown, expired, used or withdrawn), with a message for its holder. */
public class InvitationUnusableException extends RuntimeException {

    public InvitationUnusableException(String message) {
        super(message);
    }
}
