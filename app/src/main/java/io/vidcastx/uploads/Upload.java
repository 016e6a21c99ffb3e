package io.vidcastx.uploads;

import java.time.OffsetDateTime;
import java.util.List;

import io.vidcastx.core.storage.StorageService.UploadedPart;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/**
 * An upload in progress or done. Its bytes are {@code parts} (S3 multipart parts, each full-size)
 * followed by a tail shorter than a part, kept as a separate object until more bytes arrive.
 *
 * @param totalLength the file's size, or null for a direct upload whose size is not known yet
 */
public record Upload(UploadId id, OrganizationId organizationId, UploadKind kind, VideoId videoId,
                     @Nullable Long totalLength, long receivedLength, @Nullable String metadata, @Nullable String title,
                     String storageKey, @Nullable String multipartUploadId, List<UploadedPart> parts, long tailLength,
                     UploadStatus status, @Nullable String error, @Nullable String corsOrigin,
                     OffsetDateTime expiresAt, OffsetDateTime createdAt) {

    public boolean isComplete() {
        return totalLength != null && receivedLength == totalLength;
    }

    public boolean isExpired() {
        return status == UploadStatus.WAITING && expiresAt.isBefore(OffsetDateTime.now());
    }

    /** Key of the object holding bytes received after the last full part. */
    public String tailKey() {
        return "uploads/" + id + "/tail";
    }
}
