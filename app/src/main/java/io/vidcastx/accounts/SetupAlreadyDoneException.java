package io.vidcastx.accounts;

/** First-run setup was attempted after an owner already exists. */
public class SetupAlreadyDoneException extends RuntimeException {

    public SetupAlreadyDoneException() {
        super("Vidcastx is already set up: sign in, or ask an admin for an invitation.");
    }
}
