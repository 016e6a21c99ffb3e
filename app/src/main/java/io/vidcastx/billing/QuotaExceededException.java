package io.vidcastx.billing;

import java.util.List;

/** A hard limit of the organization's plan is used up: new uploads and live streams are refused (402). */
public class QuotaExceededException extends RuntimeException {

    private final List<String> messages;

    public QuotaExceededException(List<String> messages) {
        super(String.join(" ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
