package io.vidcastx.uploads;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.storage.StorageService.UploadedPart;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import org.jspecify.annotations.Nullable;

/** Upload state, shared by every app instance. Every read is scoped to the caller's organization. */
public interface UploadRepository {

    void insert(Upload upload, @Nullable String newAssetSettingsJson);

    /** The upload's {@code new_asset_settings} as far as they shape its video (the defaults when it has none). */
    NewAssetSettings newAssetSettings(UploadId id);

    Optional<Upload> find(OrganizationId organizationId, UploadId id);

    /** For the direct-upload URL, which carries no credentials: the unguessable id is the capability. */
    Optional<Upload> findUnscoped(UploadId id);

    List<Upload> list(OrganizationId organizationId, int limit, int offset);

    /**
     * Takes the upload for one request until {@code lease} ends (renewed as parts are stored). Empty
     * when another request holds it.
     */
    Optional<Upload> lock(UploadId id, Duration lease);

    void renewLock(UploadId id, Duration lease);

    /**
     * Records progress. The lock is held for {@code holdLockFor} more, or released when null; the
     * expiry moves to now + {@code slideExpiry} unless that is null.
     */
    void saveProgress(UploadId id, @Nullable Long totalLength, long receivedLength, List<UploadedPart> parts,
                      long tailLength, @Nullable Duration slideExpiry, @Nullable Duration holdLockFor);

    void unlock(UploadId id);

    void setMultipartUploadId(UploadId id, @Nullable String multipartUploadId);

    /** @return false when the upload had already left the waiting state (a completion seen twice) */
    boolean markAssetCreated(UploadId id);

    void markStatus(UploadId id, UploadStatus status, @Nullable String error);

    void delete(UploadId id);

    /** Waiting uploads whose expiry has passed, oldest first. */
    List<Upload> expired(int limit);

    @Nullable Long organizationUploadLimit(OrganizationId organizationId);
}
