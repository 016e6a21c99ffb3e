package io.vidcastx.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidcastx.accounts.Role;
import io.vidcastx.billing.UsageService;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.storage.StorageService.UploadedPart;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.Caller;
import io.vidcastx.uploads.UploadException.Reason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable uploads into S3, for the TUS endpoint and for direct-upload URLs alike. Bytes stream
 * into S3 multipart parts of a fixed size; what arrives after the last full part is kept as a
 * "tail" object, so every received byte is durable and the next request may land on any app
 * instance, after any restart. One request at a time holds an upload (a lease in PostgreSQL).
 * Memory per request is one part, whatever the file size.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final UploadRepository uploads;
    private final StorageService storage;
    private final UploadIngest ingest;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final UploadProperties properties;
    private final UsageService usage;

    private final Counter receivedBytes;

    UploadService(UploadRepository uploads, StorageService storage, UploadIngest ingest, EventRecorder events,
                  TransactionTemplate transactions, UploadProperties properties, MeterRegistry meters,
                  UsageService usage) {
        this.usage = usage;
        this.receivedBytes = Counter.builder("vidcastx.uploads.received").baseUnit("bytes")
                .description("Upload bytes stored (TUS and direct uploads)").register(meters);
        this.uploads = uploads;
        this.storage = storage;
        this.ingest = ingest;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** What to create. */
    public record NewUpload(UploadKind kind, @Nullable Long totalLength, @Nullable String metadataHeader,
                            @Nullable String title, @Nullable String corsOrigin, @Nullable Duration timeout,
                            @Nullable String newAssetSettingsJson) {
    }

    /** Where an upload stands after a request. */
    public record Progress(long receivedLength, @Nullable Long totalLength, boolean complete, VideoId videoId,
                           OffsetDateTime expiresAt) {
    }

    /** The largest upload this organization may make, in bytes. */
    public long maxSize(OrganizationId organizationId) {
        Long own = uploads.organizationUploadLimit(organizationId);
        return own != null ? own : properties.maxSize().toBytes();
    }

    /** A new upload; uploading makes a video, so it takes a Member or above. */
    public Upload create(Caller caller, NewUpload request) {
        caller.require(Role.MEMBER, "upload videos");
        var organizationId = caller.organizationId();
        // A used-up hard limit refuses new uploads only: uploads already started may finish.
        usage.requireWithinHardLimits(organizationId, "upload videos");
        long limit = maxSize(organizationId);
        if (request.totalLength() != null) {
            if (request.totalLength() < 0) {
                throw new UploadException(Reason.BAD_REQUEST, "Upload-Length must not be negative");
            }
            if (request.totalLength() > limit) {
                throw new UploadException(Reason.TOO_LARGE, "The file is " + request.totalLength()
                        + " bytes; this organization accepts uploads of at most " + limit + " bytes");
            }
        }
        var id = UploadId.random();
        var videoId = VideoId.random();
        String key = StorageKeys.rawSource(videoId);
        String multipartId = storage.createMultipartUpload(key);
        Duration life = request.timeout() != null ? request.timeout()
                : request.kind() == UploadKind.DIRECT ? properties.directTimeout() : properties.expireAfter();
        var now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var upload = new Upload(id, organizationId, request.kind(), videoId, request.totalLength(), 0,
                request.metadataHeader(), request.title(), key, multipartId, List.of(), 0, UploadStatus.WAITING, null,
                request.corsOrigin(), now.plus(life), now);
        transactions.executeWithoutResult(status -> {
            uploads.insert(upload, request.newAssetSettingsJson());
            events.record(organizationId, "video.upload.created", "upload", id.toString(), uploadData(upload));
        });
        return upload;
    }

    /** An upload of the caller's organization; expired ones are reported as such. */
    public Upload get(OrganizationId organizationId, UploadId id) {
        var upload = uploads.find(organizationId, id)
                .orElseThrow(() -> new UploadException(Reason.NOT_FOUND, "No such upload"));
        if (upload.isExpired()) {
            throw new UploadException(Reason.EXPIRED, "The upload expired; start a new one");
        }
        return upload;
    }

    public List<Upload> list(OrganizationId organizationId, int limit, int offset) {
        return uploads.list(organizationId, limit, offset);
    }

    /** For direct-upload URLs, which carry no credentials of their own. */
    public Optional<Upload> findByCapability(UploadId id) {
        return uploads.findUnscoped(id);
    }

    /** A TUS PATCH from a signed-in person or an API key: adding bytes to a video takes a Member or above. */
    public Progress append(Caller caller, UploadId id, long offset, InputStream body, @Nullable ChecksumSpec checksum) {
        caller.require(Role.MEMBER, "upload videos");
        return append(caller.organizationId(), id, offset, body, null, checksum);
    }

    /**
     * Appends a request body at {@code offset}.
     *
     * @param organizationId the caller's organization, or null for a direct-upload URL (its id is the
     *                       capability)
     * @param declaredTotal  the total size, when this request is the first to state it (direct uploads)
     * @param checksum       the TUS checksum of this body, verified before any byte is kept
     */
    public Progress append(@Nullable OrganizationId organizationId, UploadId id, long offset, InputStream body,
                           @Nullable Long declaredTotal, @Nullable ChecksumSpec checksum) {
        var found = organizationId != null ? uploads.find(organizationId, id) : uploads.findUnscoped(id);
        var current = found.orElseThrow(() -> new UploadException(Reason.NOT_FOUND, "No such upload"));
        if (current.isExpired()) {
            throw new UploadException(Reason.EXPIRED, "The upload expired; start a new one");
        }
        if (current.status() != UploadStatus.WAITING && !current.isComplete()) {
            throw new UploadException(Reason.NOT_WAITING, "The upload is " + current.status().apiValue());
        }
        var upload = uploads.lock(id, LEASE)
                .orElseThrow(() -> new UploadException(Reason.IN_USE, "Another request is writing to this upload"));
        boolean saved = false;
        Path spool = null;
        try {
            if (upload.receivedLength() != offset) {
                throw new UploadException(Reason.OFFSET_MISMATCH, "The upload is at offset " + upload.receivedLength()
                        + ", not " + offset);
            }
            Long total = upload.totalLength() != null ? upload.totalLength() : declaredTotal;
            if (upload.totalLength() != null && declaredTotal != null && !declaredTotal.equals(upload.totalLength())) {
                throw new UploadException(Reason.BAD_REQUEST, "The total size changed from " + upload.totalLength()
                        + " to " + declaredTotal);
            }
            long limit = maxSize(upload.organizationId());
            if (total != null && total > limit) {
                throw new UploadException(Reason.TOO_LARGE, "The file is larger than this organization's upload limit");
            }
            InputStream source = body;
            if (checksum != null) {
                spool = verifiedSpool(body, checksum, total == null ? Long.MAX_VALUE : total - offset);
                source = Files.newInputStream(spool);
            }
            var writer = new PartWriter(upload, total, limit);
            var progress = writer.write(source);
            saved = true;
            receivedBytes.increment(progress.receivedLength() - offset);
            if (writer.overLimit) {
                throw new UploadException(Reason.TOO_LARGE, "The upload passed this organization's limit of " + limit
                        + " bytes; the bytes up to it are kept, nothing beyond");
            }
            if (progress.complete()) {
                complete(upload);
            }
            if (writer.overflowed) {
                throw new UploadException(Reason.TOO_LARGE, "The request carried more bytes than the upload's length");
            }
            return progress;
        } catch (IOException e) {
            throw new UploadException(Reason.BAD_REQUEST, "The request body could not be read: " + e.getMessage());
        } finally {
            if (!saved) {
                uploads.unlock(id);
            }
            if (spool != null) {
                deleteQuietly(spool);
            }
        }
    }

    /** TUS termination: forget the upload and every stored byte of it. */
    public void terminate(Caller caller, UploadId id) {
        caller.require(Role.MEMBER, "cancel uploads");
        var organizationId = caller.organizationId();
        var upload = uploads.find(organizationId, id)
                .orElseThrow(() -> new UploadException(Reason.NOT_FOUND, "No such upload"));
        if (upload.status() == UploadStatus.ASSET_CREATED) {
            throw new UploadException(Reason.NOT_WAITING, "The upload is complete; delete the video instead");
        }
        discardBytes(upload);
        uploads.delete(id);
    }

    /** Mux's "cancel direct upload": stops a waiting upload and keeps its record as cancelled. */
    public Upload cancel(Caller caller, UploadId id) {
        caller.require(Role.MEMBER, "cancel uploads");
        var organizationId = caller.organizationId();
        var upload = uploads.find(organizationId, id)
                .orElseThrow(() -> new UploadException(Reason.NOT_FOUND, "No such upload"));
        if (upload.status() != UploadStatus.WAITING) {
            throw new UploadException(Reason.NOT_WAITING, "Only a waiting upload can be cancelled; this one is "
                    + upload.status().apiValue());
        }
        discardBytes(upload);
        transactions.executeWithoutResult(status -> {
            uploads.markStatus(id, UploadStatus.CANCELLED, null);
            events.record(organizationId, "video.upload.cancelled", "upload", id.toString(), uploadData(upload));
        });
        return uploads.find(organizationId, id).orElseThrow();
    }

    /**
     * Removes uploads left unfinished past their expiry: their S3 multipart is aborted and their tail
     * deleted; TUS rows go, direct uploads stay as timed_out (as Mux reports them).
     *
     * @return how many were cleaned up
     */
    public int cleanUpExpired() {
        int cleaned = 0;
        for (var upload : uploads.expired(100)) {
            try {
                discardBytes(upload);
                if (upload.kind() == UploadKind.TUS) {
                    uploads.delete(upload.id());
                } else {
                    transactions.executeWithoutResult(status -> {
                        uploads.markStatus(upload.id(), UploadStatus.TIMED_OUT, null);
                        events.record(upload.organizationId(), "video.upload.errored", "upload", upload.id().toString(),
                                Map.of("id", upload.id().toString(), "status", "timed_out"));
                    });
                }
                cleaned++;
            } catch (RuntimeException e) {
                log.warn("Could not clean up expired upload {}: {}", upload.id(), e.toString());
            }
        }
        return cleaned;
    }

    private void complete(Upload upload) {
        String title = upload.title() != null && !upload.title().isBlank() ? upload.title() : "Untitled video";
        transactions.executeWithoutResult(status -> {
            if (!uploads.markAssetCreated(upload.id())) {
                return; // completed before: one video per upload
            }
            ingest.ingest(upload, title, uploads.newAssetSettings(upload.id()));
            var data = uploadData(upload);
            data.put("status", "asset_created");
            data.put("asset_id", upload.videoId().toString());
            events.record(upload.organizationId(), "video.upload.asset_created", "upload", upload.id().toString(), data);
        });
    }

    private void discardBytes(Upload upload) {
        if (upload.multipartUploadId() != null) {
            try {
                storage.abortMultipartUpload(upload.storageKey(), upload.multipartUploadId());
            } catch (RuntimeException e) {
                log.debug("Multipart upload of {} already gone: {}", upload.id(), e.toString());
            }
        }
        storage.deleteFile(upload.tailKey());
    }

    private Path verifiedSpool(InputStream body, ChecksumSpec checksum, long limit) throws IOException {
        Path spool = Files.createTempFile("vidcastx-upload-", ".part");
        var digest = checksum.newDigest();
        try (OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                copied += n;
                if (copied > limit) {
                    break;
                }
            }
        } catch (IOException e) {
            deleteQuietly(spool);
            // An interrupted request cannot be checked against its checksum: keep nothing of it.
            throw new UploadException(Reason.CHECKSUM_MISMATCH, "The request ended before its checksum could be verified");
        }
        if (!checksum.matches(digest.digest())) {
            deleteQuietly(spool);
            throw new UploadException(Reason.CHECKSUM_MISMATCH, "The " + checksum.algorithm()
                    + " checksum of the request body does not match Upload-Checksum");
        }
        return spool;
    }

    static Map<String, Object> uploadData(Upload upload) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", upload.id().toString());
        data.put("status", upload.status().apiValue());
        data.put("timeout", Math.round(Duration.between(upload.createdAt(), upload.expiresAt()).toMillis() / 1000.0));
        if (upload.corsOrigin() != null) {
            data.put("cors_origin", upload.corsOrigin());
        }
        return data;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.debug("Could not delete {}", path);
        }
    }

    /**
     * Streams one request into full-size parts, double-buffered: one part uploads to S3 while the
     * next one is read from the request. Invariant: received = sum of stored parts + the part in
     * flight + bytes in the buffer; only stored parts are recorded as progress, and the buffer is
     * persisted as the tail whenever the request ends short of completion.
     */
    private final class PartWriter {

        private final Upload upload;
        private byte[] buffer;
        private byte[] spare;
        private java.util.concurrent.@Nullable CompletableFuture<UploadedPart> inFlight;
        private final List<UploadedPart> parts;
        private @Nullable Long total;
        private long received;
        private int filled;
        private final long limit;
        boolean overflowed;
        /** The body went on past the organization's limit: reading stopped there, nothing beyond is kept. */
        boolean overLimit;

        PartWriter(Upload upload, @Nullable Long total, long limit) {
            this.upload = upload;
            this.total = total;
            this.limit = limit;
            this.buffer = new byte[(int) properties.partSize().toBytes()];
            this.spare = new byte[buffer.length];
            this.parts = new ArrayList<>(upload.parts());
            this.received = upload.receivedLength();
        }

        Progress write(InputStream body) throws IOException {
            if (upload.tailLength() > 0) {
                try (InputStream tail = storage.getFileStream(upload.tailKey())) {
                    filled = tail.readNBytes(buffer, 0, (int) upload.tailLength());
                }
            }
            boolean alreadyStored = upload.multipartUploadId() == null; // an earlier request completed the object
            IOException interrupted = null;
            if (!alreadyStored) {
                try {
                    readBody(body);
                } catch (IOException e) {
                    interrupted = e; // keep what arrived: the client resumes from the saved offset
                } finally {
                    awaitInFlight();
                }
            }
            if (total == null && interrupted == null && !overLimit) {
                total = received; // a direct upload of unknown size ends with its body
            }
            boolean complete = total != null && received == total;
            if (complete && !alreadyStored) {
                finishObject();
            } else if (!complete) {
                if (filled > 0) {
                    storage.uploadFile(upload.tailKey(), new java.io.ByteArrayInputStream(buffer, 0, filled),
                            filled, null);
                }
                uploads.saveProgress(upload.id(), total, received, parts, filled, slide(), null);
            }
            if (interrupted != null && !complete) {
                log.debug("Upload {} interrupted at {} bytes: {}", upload.id(), received, interrupted.toString());
            }
            return new Progress(received, total, complete, upload.videoId(), upload.expiresAt());
        }

        private void readBody(InputStream body) throws IOException {
            long remaining = total == null ? Long.MAX_VALUE : total - received;
            while (true) {
                if (filled == buffer.length) {
                    if (remaining == 0) {
                        break; // exactly a multiple of the part size: this full buffer is the last part
                    }
                    flushPart();
                }
                int want = (int) Math.min(buffer.length - filled, remaining);
                if (want == 0) {
                    overflowed = body.read() >= 0;
                    break;
                }
                if (received >= limit) {
                    // Counted, not declared: a chunked body or "Content-Range: .../*" states no size up front.
                    overLimit = body.read() >= 0;
                    break;
                }
                int n = body.read(buffer, filled, (int) Math.min(want, limit - received));
                if (n < 0) {
                    break;
                }
                filled += n;
                received += n;
                remaining -= n;
            }
        }

        /** Hands the full buffer to S3 and goes on reading into the other one. */
        private void flushPart() {
            awaitInFlight();
            int number = parts.size() + 1;
            int length = filled;
            byte[] full = buffer;
            inFlight = storage.uploadPartAsync(upload.storageKey(), upload.multipartUploadId(),
                    number, full, length).thenApply(etag -> new UploadedPart(number, etag, length));
            buffer = spare;
            spare = full;
            filled = 0;
        }

        /** Waits for the part in flight and records it: durable progress, and the lease renewed with it. */
        private void awaitInFlight() {
            if (inFlight == null) {
                return;
            }
            UploadedPart part;
            try {
                part = inFlight.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            } finally {
                inFlight = null;
            }
            parts.add(part);
            long stored = parts.stream().mapToLong(UploadedPart::size).sum();
            uploads.saveProgress(upload.id(), total, stored, parts, 0, slide(), LEASE);
        }

        private void finishObject() {
            if (total == 0) {
                storage.abortMultipartUpload(upload.storageKey(), upload.multipartUploadId());
                storage.uploadFile(upload.storageKey(), new byte[0], null);
            } else {
                if (filled > 0 || parts.isEmpty()) {
                    int number = parts.size() + 1;
                    parts.add(new UploadedPart(number, storage.uploadPart(upload.storageKey(),
                            upload.multipartUploadId(), number, buffer, filled), filled));
                    filled = 0;
                }
                storage.completeMultipartUpload(upload.storageKey(), upload.multipartUploadId(), parts);
            }
            if (upload.tailLength() > 0) {
                storage.deleteFile(upload.tailKey());
            }
            uploads.setMultipartUploadId(upload.id(), null);
            uploads.saveProgress(upload.id(), total, received, parts, 0, slide(), null);
        }

        private @Nullable Duration slide() {
            return upload.kind() == UploadKind.TUS ? properties.expireAfter() : null;
        }
    }
}
