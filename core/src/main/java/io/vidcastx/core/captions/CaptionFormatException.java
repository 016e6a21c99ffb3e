package io.vidcastx.core.captions;

/** A caption file that cannot be read; the message names the line and what was expected. */
public class CaptionFormatException extends IllegalArgumentException {

    public CaptionFormatException(String message) {
        super(message);
    }
}
