package io.vidcastx.core.storage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the S3 server knows about one stored object. */
public record StoredObject(String key, long size, @Nullable String contentType, @Nullable String etag,
                           @Nullable Instant lastModified) {
}
