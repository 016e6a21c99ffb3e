package io.vidcastx.core.storage;

/** The requested object does not exist in the bucket. */
public class StorageObjectNotFoundException extends StorageException {

    public StorageObjectNotFoundException(String bucket, String key) {
        super("No object '" + key + "' in bucket '" + bucket + "'");
    }
}
