package io.vidcastx.core.storage;

/** A byte range that starts past the end of the object (HTTP 416). */
public class RangeNotSatisfiableException extends StorageException {

    public RangeNotSatisfiableException(String key) {
        super("The requested range lies outside " + key);
    }
}
