package io.vidcastx.core.storage;

/** The requested object does not exist in storage. */
public class StorageObjectNotFoundException extends StorageException {

    public StorageObjectNotFoundException(String key) {
        super("No object '" + key + "' in storage");
    }
}
