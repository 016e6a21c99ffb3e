package io.vidcastx.core.storage;

/** A storage operation failed: the S3 server refused it or could not be reached. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
