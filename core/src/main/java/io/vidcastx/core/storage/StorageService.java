package io.vidcastx.core.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.Part;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object storage on any S3-compatible server. Every key passes {@link StorageKeys#validate}; streams
 * are never buffered whole, so memory stays flat whatever the object size.
 */
public class StorageService {

    private static final Logger log = LoggerFactory.getLogger(StorageService.class);
    /** S3 multipart part size for streams of unknown length. */
    private static final long PART_SIZE = 16L * 1024 * 1024;
    /** DeleteObjects takes at most 1,000 keys per request. */
    private static final int DELETE_BATCH = 1000;
    private static final String BINARY = "application/octet-stream";

    private final MinioClient client;
    private final MinioAsyncClient async;
    /** The one bucket ({@code vidcastx.s3.bucket}): callers name objects by key only and never see it. */
    private final String bucket;
    private volatile boolean bucketKnown;

    public StorageService(MinioClient client, MinioAsyncClient async, String bucket) {
        this.client = client;
        this.async = async;
        this.bucket = bucket;
    }

    /** True when the storage server answers and the default bucket exists (readiness). */
    public boolean isReachable() {
        try {
            return Boolean.TRUE.equals(call("check bucket " + bucket,
                    () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Creates the bucket when it does not exist yet. */
    void ensureBucket() {
        if (bucketKnown) {
            return;
        }
        call("create bucket " + bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    log.info("Created storage bucket '{}'", bucket);
                } catch (ErrorResponseException e) {
                    // Another process created it between our check and our request.
                    if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                        throw e;
                    }
                }
            }
            return null;
        });
        bucketKnown = true;
    }

    /** Streams an object of known size ({@code size >= 0}) or unknown size ({@code -1}, multipart). */
    public void uploadFile(String key, InputStream stream, long size, @Nullable String contentType) {
        StorageKeys.validate(key);
        call("upload " + key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(stream, size >= 0 ? size : null, size >= 0 ? null : PART_SIZE)
                .contentType(contentType != null ? contentType : BINARY)
                .build()));
    }

    public void uploadFile(String key, byte[] bytes, @Nullable String contentType) {
        uploadFile(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
    }

    /** Uploads a local file (workers: segments, playlists, thumbnails). */
    public void uploadFile(String key, Path file, @Nullable String contentType) {
        StorageKeys.validate(key);
        call("upload " + key, () -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .filename(file.toString())
                .contentType(contentType != null ? contentType : BINARY)
                .build()));
    }

    /** A URL that accepts one HTTP PUT of the object's bytes without credentials, until {@code ttl} ends. */
    public URI presignedUploadUrl(String key, Duration ttl) {
        return presign(Http.Method.PUT, key, ttl);
    }

    /** A URL that allows GET (with Range) of the object without credentials, until {@code ttl} ends. */
    public URI presignedDownloadUrl(String key, Duration ttl) {
        return presign(Http.Method.GET, key, ttl);
    }

    private URI presign(Http.Method method, String key, Duration ttl) {
        StorageKeys.validate(key);
        return URI.create(call("presign " + key, () -> client.getPresignedObjectUrl(
                GetPresignedObjectUrlArgs.builder()
                        .method(method)
                        .bucket(bucket)
                        .object(key)
                        .expiry((int) ttl.toSeconds(), TimeUnit.SECONDS)
                        .build())));
    }

    /** Downloads an object to a local file, replacing it; written to a temporary sibling first. */
    public void downloadFile(String key, Path localPath) {
        StorageKeys.validate(key);
        try {
            Path parent = localPath.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, ".download-", ".part");
            try (InputStream in = getFileStream(key)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, localPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not download " + key + " to " + localPath, e);
        }
    }

    /** The whole object as a stream; the caller closes it. */
    public InputStream getFileStream(String key) {
        StorageKeys.validate(key);
        return call("read " + key, () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()),
                key);
    }

    /** Part of the object as a stream; the caller closes it. */
    public InputStream getFileStream(String key, ByteRange range) {
        StorageKeys.validate(key);
        var args = GetObjectArgs.builder().bucket(bucket).object(key).offset(range.first());
        if (!range.isOpenEnded()) {
            args.length(range.length());
        }
        return call("read " + key, () -> client.getObject(args.build()), key);
    }

    /**
     * An open read of a whole object ({@code range} null) or of {@code first-last} / {@code first-},
     * with the object's total size and ETag taken from the same response: one request, not a stat
     * and then a read.
     */
    public record OpenedObject(InputStream body, long totalSize, @Nullable ByteRange served, @Nullable String etag) {
    }

    /**
     * @throws StorageObjectNotFoundException when there is no such object
     * @throws RangeNotSatisfiableException when the range starts past the end
     */
    public OpenedObject open(String key, @Nullable ByteRange range) {
        StorageKeys.validate(key);
        var args = GetObjectArgs.builder().bucket(bucket).object(key);
        if (range != null) {
            args.offset(range.first());
            if (!range.isOpenEnded()) {
                args.length(range.length());
            }
        }
        io.minio.GetObjectResponse response;
        try {
            response = client.getObject(args.build());
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                throw new StorageObjectNotFoundException(key);
            }
            if ("InvalidRange".equals(e.errorResponse().code())) {
                throw new RangeNotSatisfiableException(key);
            }
            throw new StorageException("Storage could not read " + key + ": " + e.getMessage(), e);
        } catch (MinioException e) {
            throw new StorageException("Storage could not read " + key + ": " + e.getMessage(), e);
        }
        var headers = response.headers();
        String etag = headers.get("ETag");
        String contentRange = headers.get("Content-Range");
        long length = Long.parseLong(java.util.Objects.requireNonNullElse(headers.get("Content-Length"), "-1"));
        if (range == null || contentRange == null) {
            return new OpenedObject(response, length, null, etag);
        }
        // "bytes first-last/total"
        String[] span = contentRange.substring(contentRange.indexOf(' ') + 1).split("[-/]");
        return new OpenedObject(response, Long.parseLong(span[2]),
                ByteRange.of(Long.parseLong(span[0]), Long.parseLong(span[1])), etag);
    }

    public Optional<StoredObject> stat(String key) {
        StorageKeys.validate(key);
        try {
            var stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, stat.size(), stat.contentType(), stat.etag(),
                    stat.lastModified() != null ? stat.lastModified().toInstant() : null));
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new StorageException("Could not stat " + key + ": " + e.getMessage(), e);
        } catch (MinioException e) {
            throw new StorageException("Could not stat " + key + ": " + e.getMessage(), e);
        }
    }

    /** Deletes one object; deleting a missing object is not an error (S3 semantics). */
    public void deleteFile(String key) {
        StorageKeys.validate(key);
        call("delete " + key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /**
     * Deletes every object under a folder prefix (e.g. a video's HLS output), in batches of 1,000.
     *
     * @return the number of objects deleted
     */
    public int deleteFolder(String prefix) {
        StorageKeys.validatePrefix(prefix);
        int deleted = 0;
        var batch = new ArrayList<DeleteRequest.Object>(DELETE_BATCH);
        for (var result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            String name = call("list " + prefix, () -> result.get().objectName());
            batch.add(new DeleteRequest.Object(name));
            if (batch.size() == DELETE_BATCH) {
                deleted += deleteBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleted += deleteBatch(batch);
        }
        return deleted;
    }

    /** Keys under a prefix, in key order. */
    public List<StoredObject> list(String prefix) {
        StorageKeys.validate(prefix);
        var objects = new ArrayList<StoredObject>();
        for (var result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            var item = call("list " + prefix, result::get);
            objects.add(new StoredObject(item.objectName(), item.size(), null, item.etag(),
                    item.lastModified() != null ? item.lastModified().toInstant() : null));
        }
        return objects;
    }

    /** Starts an S3 multipart upload; returns its upload id. */
    public String createMultipartUpload(String key) {
        StorageKeys.validate(key);
        return join("start multipart upload of " + key, async.createMultipartUpload(CreateMultipartUploadArgs.builder()
                .bucket(bucket).object(key).build())).result().uploadId();
    }

    /** Uploads part {@code partNumber} (1-based; every part but the last at least 5 MiB); returns its ETag. */
    public String uploadPart(String key, String uploadId, int partNumber, byte[] data, int length) {
        StorageKeys.validate(key);
        return join("upload part " + partNumber + " of " + key, async.uploadPart(UploadPartArgs.builder()
                .bucket(bucket).object(key).uploadId(uploadId).partNumber(partNumber).data(data, length).build()))
                .part().etag();
    }

    /**
     * Starts uploading a part and returns at once with its future ETag; {@code data} must stay untouched
     * until the future completes.
     */
    public java.util.concurrent.CompletableFuture<String> uploadPartAsync(String key, String uploadId,
                                                                         int partNumber, byte[] data, int length) {
        StorageKeys.validate(key);
        return async.uploadPart(UploadPartArgs.builder().bucket(bucket).object(key).uploadId(uploadId)
                .partNumber(partNumber).data(data, length).build()).thenApply(response -> response.part().etag());
    }

    /** Joins the parts, in order, into the object. */
    public void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
        StorageKeys.validate(key);
        var array = parts.stream().map(p -> new Part(p.number(), p.etag())).toArray(Part[]::new);
        join("complete multipart upload of " + key, async.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(bucket).object(key).uploadId(uploadId).parts(array).build()));
    }

    /** Discards a multipart upload and the parts stored for it. */
    public void abortMultipartUpload(String key, String uploadId) {
        StorageKeys.validate(key);
        join("abort multipart upload of " + key, async.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                .bucket(bucket).object(key).uploadId(uploadId).build()));
    }

    /** One stored part of a multipart upload. */
    public record UploadedPart(int number, String etag, long size) {
    }

    private static <T> T join(String what, java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new StorageException("Storage could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private int deleteBatch(List<DeleteRequest.Object> objects) {
        var errors = new ArrayList<String>();
        // removeObjects is lazy: the requests go out only as its results are read.
        for (var result : client.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                .objects(List.copyOf(objects)).build())) {
            var error = call("delete batch", result::get);
            errors.add(error.objectName() + ": " + error.message());
        }
        if (!errors.isEmpty()) {
            throw new StorageException("Could not delete " + errors.size() + " objects, e.g. " + errors.getFirst());
        }
        return objects.size();
    }

    private static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
    }

    private <T> T call(String what, MinioCall<T> call) {
        try {
            return call.run();
        } catch (MinioException e) {
            throw new StorageException("Storage could not " + what + ": " + e.getMessage(), e);
        }
    }

    private <T> T call(String what, MinioCall<T> call, String key) {
        try {
            return call.run();
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                throw new StorageObjectNotFoundException(key);
            }
            throw new StorageException("Storage could not " + what + ": " + e.getMessage(), e);
        } catch (MinioException e) {
            throw new StorageException("Storage could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface MinioCall<T> {
        T run() throws MinioException;
    }
}
