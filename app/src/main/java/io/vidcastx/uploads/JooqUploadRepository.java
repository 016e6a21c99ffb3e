package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.UPLOADS;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.storage.StorageService.UploadedPart;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.jooq.tables.records.UploadsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JooqUploadRepository implements UploadRepository {

    private final DSLContext dsl;
    private final JsonMapper json;

    JooqUploadRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @Override
    public void insert(Upload upload, @Nullable String newAssetSettingsJson) {
        dsl.insertInto(UPLOADS)
                .set(UPLOADS.UPLOAD_ID, upload.id())
                .set(UPLOADS.ORGANIZATION_ID, upload.organizationId())
                .set(UPLOADS.KIND, upload.kind().name().toLowerCase(java.util.Locale.ROOT))
                .set(UPLOADS.VIDEO_ID, upload.videoId())
                .set(UPLOADS.TOTAL_LENGTH, upload.totalLength())
                .set(UPLOADS.METADATA, upload.metadata())
                .set(UPLOADS.TITLE, upload.title())
                .set(UPLOADS.STORAGE_KEY, upload.storageKey())
                .set(UPLOADS.MULTIPART_UPLOAD_ID, upload.multipartUploadId())
                .set(UPLOADS.CORS_ORIGIN, upload.corsOrigin())
                .set(UPLOADS.NEW_ASSET_SETTINGS, newAssetSettingsJson == null ? null : JSONB.valueOf(newAssetSettingsJson))
                .set(UPLOADS.EXPIRES_AT, upload.expiresAt())
                .set(UPLOADS.CREATED_AT, upload.createdAt())
                .execute();
    }

    @Override
    public NewAssetSettings newAssetSettings(UploadId id) {
        JSONB stored = dsl.select(UPLOADS.NEW_ASSET_SETTINGS).from(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id))
                .fetchOptional(UPLOADS.NEW_ASSET_SETTINGS).orElse(null);
        return NewAssetSettings.from(stored == null ? null : json.readTree(stored.data()));
    }

    @Override
    public Optional<Upload> find(OrganizationId organizationId, UploadId id) {
        return dsl.selectFrom(UPLOADS)
                .where(UPLOADS.UPLOAD_ID.eq(id).and(UPLOADS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional(this::toUpload);
    }

    @Override
    public Optional<Upload> findUnscoped(UploadId id) {
        return dsl.selectFrom(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id)).fetchOptional(this::toUpload);
    }

    @Override
    public List<Upload> list(OrganizationId organizationId, int limit, int offset) {
        return dsl.selectFrom(UPLOADS)
                .where(UPLOADS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(UPLOADS.CREATED_AT.desc(), UPLOADS.UPLOAD_ID)
                .limit(limit).offset(offset)
                .fetch(this::toUpload);
    }

    @Override
    public Optional<Upload> lock(UploadId id, Duration lease) {
        return dsl.update(UPLOADS)
                .set(UPLOADS.LOCKED_UNTIL, nowPlus(lease))
                .where(UPLOADS.UPLOAD_ID.eq(id))
                .and(UPLOADS.LOCKED_UNTIL.isNull().or(UPLOADS.LOCKED_UNTIL.lt(DSL.currentOffsetDateTime())))
                .returning()
                .fetchOptional(this::toUpload);
    }

    @Override
    public void renewLock(UploadId id, Duration lease) {
        dsl.update(UPLOADS).set(UPLOADS.LOCKED_UNTIL, nowPlus(lease)).where(UPLOADS.UPLOAD_ID.eq(id)).execute();
    }

    @Override
    public void saveProgress(UploadId id, @Nullable Long totalLength, long receivedLength, List<UploadedPart> parts,
                             long tailLength, @Nullable Duration slideExpiry, @Nullable Duration holdLockFor) {
        var update = dsl.update(UPLOADS)
                .set(UPLOADS.TOTAL_LENGTH, totalLength)
                .set(UPLOADS.RECEIVED_LENGTH, receivedLength)
                .set(UPLOADS.PARTS, JSONB.valueOf(json.writeValueAsString(parts)))
                .set(UPLOADS.TAIL_LENGTH, tailLength)
                .set(UPLOADS.LOCKED_UNTIL, holdLockFor == null ? DSL.inline((OffsetDateTime) null) : nowPlus(holdLockFor))
                .set(UPLOADS.UPDATED_AT, DSL.currentOffsetDateTime());
        if (slideExpiry != null) {
            update.set(UPLOADS.EXPIRES_AT, nowPlus(slideExpiry));
        }
        update.where(UPLOADS.UPLOAD_ID.eq(id)).execute();
    }

    @Override
    public void unlock(UploadId id) {
        dsl.update(UPLOADS).set(UPLOADS.LOCKED_UNTIL, (OffsetDateTime) null).where(UPLOADS.UPLOAD_ID.eq(id)).execute();
    }

    @Override
    public void setMultipartUploadId(UploadId id, @Nullable String multipartUploadId) {
        dsl.update(UPLOADS).set(UPLOADS.MULTIPART_UPLOAD_ID, multipartUploadId).where(UPLOADS.UPLOAD_ID.eq(id)).execute();
    }

    @Override
    public boolean markAssetCreated(UploadId id) {
        return dsl.update(UPLOADS)
                .set(UPLOADS.STATUS, UploadStatus.ASSET_CREATED.apiValue())
                .set(UPLOADS.COMPLETED_AT, DSL.currentOffsetDateTime())
                .set(UPLOADS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(UPLOADS.UPLOAD_ID.eq(id).and(UPLOADS.STATUS.eq(UploadStatus.WAITING.apiValue())))
                .execute() == 1;
    }

    @Override
    public void markStatus(UploadId id, UploadStatus status, @Nullable String error) {
        dsl.update(UPLOADS)
                .set(UPLOADS.STATUS, status.apiValue())
                .set(UPLOADS.ERROR, error)
                .set(UPLOADS.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(UPLOADS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(UPLOADS.UPLOAD_ID.eq(id))
                .execute();
    }

    @Override
    public void delete(UploadId id) {
        dsl.deleteFrom(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id)).execute();
    }

    @Override
    public List<Upload> expired(int limit) {
        return dsl.selectFrom(UPLOADS)
                .where(UPLOADS.STATUS.eq(UploadStatus.WAITING.apiValue()))
                .and(UPLOADS.EXPIRES_AT.lt(DSL.currentOffsetDateTime()))
                .and(UPLOADS.LOCKED_UNTIL.isNull().or(UPLOADS.LOCKED_UNTIL.lt(DSL.currentOffsetDateTime())))
                .orderBy(UPLOADS.EXPIRES_AT)
                .limit(limit)
                .fetch(this::toUpload);
    }

    @Override
    public @Nullable Long organizationUploadLimit(OrganizationId organizationId) {
        return dsl.select(ORGANIZATIONS.MAX_UPLOAD_BYTES).from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(ORGANIZATIONS.MAX_UPLOAD_BYTES).orElse(null);
    }

    private Upload toUpload(UploadsRecord r) {
        List<UploadedPart> parts = Arrays.asList(json.readValue(r.getParts().data(), UploadedPart[].class));
        return new Upload(r.getUploadId(), r.getOrganizationId(), UploadKind.valueOf(r.getKind().toUpperCase(java.util.Locale.ROOT)),
                r.getVideoId(), r.getTotalLength(), r.getReceivedLength(), r.getMetadata(), r.getTitle(), r.getStorageKey(),
                r.getMultipartUploadId(), List.copyOf(parts), r.getTailLength(), UploadStatus.fromApi(r.getStatus()),
                r.getError(), r.getCorsOrigin(), r.getExpiresAt(), r.getCreatedAt());
    }

    private static Field<OffsetDateTime> nowPlus(Duration duration) {
        return DSL.field("now() + ({0} * interval '1 millisecond')", OffsetDateTime.class, DSL.val(duration.toMillis()));
    }
}
