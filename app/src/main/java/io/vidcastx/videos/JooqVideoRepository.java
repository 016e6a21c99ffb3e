package io.vidcastx.videos;

import static io.vidcastx.db.jooq.Tables.PLAYBACK_IDS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqVideoRepository implements VideoRepository {

    private final DSLContext dsl;

    JooqVideoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<VideoListItem> list(OrganizationId organizationId, VideoFilter filter, VideoSort sort, int offset, int limit) {
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.TITLE, VIDEOS.STATUS, VIDEOS.PROGRESS, VIDEOS.DURATION_SECONDS,
                        VIDEOS.WIDTH, VIDEOS.HEIGHT, VIDEOS.ERROR_REASON, VIDEOS.CREATED_AT, VIDEOS.PLAYBACK_ID, VIDEOS.PLAYBACK_POLICY)
                .from(VIDEOS)
                .where(scope(organizationId, filter.titleContains()))
                .and(filter.status() == null ? DSL.noCondition() : VIDEOS.STATUS.eq(filter.status().dbValue()))
                .orderBy(order(sort), VIDEOS.VIDEO_ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new VideoListItem(r.value1(), r.value2(), VideoStatus.fromDb(r.value3()), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), "signed".equals(r.value11())));
    }

    @Override
    public Map<VideoStatus, Integer> countByStatus(OrganizationId organizationId, @Nullable String titleContains) {
        var counts = new EnumMap<VideoStatus, Integer>(VideoStatus.class);
        for (var status : VideoStatus.values()) {
            counts.put(status, 0);
        }
        dsl.select(VIDEOS.STATUS, DSL.count()).from(VIDEOS).where(scope(organizationId, titleContains))
                .groupBy(VIDEOS.STATUS)
                .forEach(r -> counts.put(VideoStatus.fromDb(r.value1()), r.value2()));
        return counts;
    }

    @Override
    public Optional<VideoDetail> find(OrganizationId organizationId, VideoId id) {
        var row = dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional();
        return row.map(v -> detail(v, dsl.select(RENDITIONS.NAME, RENDITIONS.KIND, RENDITIONS.WIDTH, RENDITIONS.HEIGHT,
                        RENDITIONS.BANDWIDTH_BPS)
                .from(RENDITIONS).where(RENDITIONS.VIDEO_ID.eq(id))
                .orderBy(RENDITIONS.HEIGHT.desc().nullsLast())
                .fetch(r -> new VideoDetail.Rendition(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))));
    }

    @Override
    public List<VideoDetail> details(OrganizationId organizationId, int offset, int limit) {
        return dsl.selectFrom(VIDEOS).where(VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(VIDEOS.CREATED_AT.desc(), VIDEOS.VIDEO_ID).offset(offset).limit(limit)
                .fetch(v -> detail(v, List.of()));
    }

    @Override
    public Map<VideoId, List<PlaybackIdInfo>> extraPlaybackIds(OrganizationId organizationId, Collection<VideoId> ids) {
        return dsl.select(PLAYBACK_IDS.VIDEO_ID, PLAYBACK_IDS.PLAYBACK_ID, PLAYBACK_IDS.POLICY).from(PLAYBACK_IDS)
                .where(PLAYBACK_IDS.ORGANIZATION_ID.eq(organizationId).and(PLAYBACK_IDS.VIDEO_ID.in(ids)))
                .orderBy(PLAYBACK_IDS.CREATED_AT)
                .fetchGroups(PLAYBACK_IDS.VIDEO_ID, r -> new PlaybackIdInfo(r.value2(), r.value3()));
    }

    private static VideoDetail detail(io.vidcastx.db.jooq.tables.records.VideosRecord v, List<VideoDetail.Rendition> renditions) {
        return new VideoDetail(v.getVideoId(), v.getVersion(), v.getTitle(), v.getDescription(),
                VideoStatus.fromDb(v.getStatus()), v.getProgress(), v.getErrorReason(), v.getPlaybackId(),
                v.getPlaybackPolicy(), v.getDurationSeconds(), v.getWidth(), v.getHeight(), v.getAspectRatio(),
                v.getFrameRate(), v.getSizeBytes(), v.getCreatedAt(), v.getReadyAt(), renditions);
    }

    @Override
    public boolean update(OrganizationId organizationId, VideoId id, long version, String title,
                          @Nullable String description) {
        return dsl.update(VIDEOS)
                .set(VIDEOS.TITLE, title)
                .set(VIDEOS.DESCRIPTION, description)
                .set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1))
                .set(VIDEOS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.ORGANIZATION_ID.eq(organizationId)).and(VIDEOS.VERSION.eq(version)))
                .execute() == 1;
    }

    @Override
    public List<PlaybackIdInfo> extraPlaybackIds(OrganizationId organizationId, VideoId id) {
        return dsl.select(PLAYBACK_IDS.PLAYBACK_ID, PLAYBACK_IDS.POLICY).from(PLAYBACK_IDS)
                .where(PLAYBACK_IDS.VIDEO_ID.eq(id).and(PLAYBACK_IDS.ORGANIZATION_ID.eq(organizationId)))
                .orderBy(PLAYBACK_IDS.CREATED_AT)
                .fetch(r -> new PlaybackIdInfo(r.value1(), r.value2()));
    }

    @Override
    public void addPlaybackId(OrganizationId organizationId, VideoId id, String playbackId, String policy) {
        dsl.insertInto(PLAYBACK_IDS).set(PLAYBACK_IDS.PLAYBACK_ID, playbackId).set(PLAYBACK_IDS.VIDEO_ID, id)
                .set(PLAYBACK_IDS.ORGANIZATION_ID, organizationId).set(PLAYBACK_IDS.POLICY, policy).execute();
    }

    @Override
    public boolean removePlaybackId(OrganizationId organizationId, VideoId id, String playbackId) {
        return dsl.deleteFrom(PLAYBACK_IDS).where(PLAYBACK_IDS.PLAYBACK_ID.eq(playbackId)
                .and(PLAYBACK_IDS.VIDEO_ID.eq(id)).and(PLAYBACK_IDS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    @Override
    public boolean setPlaybackPolicy(OrganizationId organizationId, VideoId id, String policy) {
        return dsl.update(VIDEOS).set(VIDEOS.PLAYBACK_POLICY, policy).set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1))
                .where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.ORGANIZATION_ID.eq(organizationId))).execute() == 1;
    }

    @Override
    public boolean resetFailed(OrganizationId organizationId, VideoId id) {
        return dsl.update(VIDEOS)
                .set(VIDEOS.STATUS, VideoStatus.PROCESSING.dbValue())
                .set(VIDEOS.ERROR_REASON, (String) null)
                .set(VIDEOS.PROGRESS, 0)
                .set(VIDEOS.VERSION, VIDEOS.VERSION.plus(1))
                .where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.ORGANIZATION_ID.eq(organizationId))
                        .and(VIDEOS.STATUS.eq(VideoStatus.FAILED.dbValue())))
                .execute() == 1;
    }

    @Override
    public @Nullable String sourceKey(OrganizationId organizationId, VideoId id) {
        return dsl.select(VIDEOS.SOURCE_KEY).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(id).and(VIDEOS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional(VIDEOS.SOURCE_KEY).orElse(null);
    }

    @Override
    public List<VideoId> allIds(OrganizationId organizationId) {
        return dsl.select(VIDEOS.VIDEO_ID).from(VIDEOS).where(VIDEOS.ORGANIZATION_ID.eq(organizationId)).fetch(VIDEOS.VIDEO_ID);
    }

    @Override
    public List<VideoId> delete(OrganizationId organizationId, Collection<VideoId> ids) {
        return dsl.deleteFrom(VIDEOS)
                .where(VIDEOS.ORGANIZATION_ID.eq(organizationId).and(VIDEOS.VIDEO_ID.in(ids)))
                .returning(VIDEOS.VIDEO_ID)
                .fetch(VIDEOS.VIDEO_ID);
    }

    @Override
    public long storageBytes(OrganizationId organizationId) {
        var sum = dsl.select(DSL.sum(DSL.coalesce(VIDEOS.SIZE_BYTES, 0L).plus(DSL.coalesce(VIDEOS.OUTPUT_BYTES, 0L))))
                .from(VIDEOS).where(VIDEOS.ORGANIZATION_ID.eq(organizationId)).fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    @Override
    public double encodingSecondsThisMonth(OrganizationId organizationId) {
        var sum = dsl.select(DSL.sum(VIDEOS.DURATION_SECONDS)).from(VIDEOS)
                .where(VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .and(VIDEOS.READY_AT.ge(DSL.field("date_trunc('month', now() at time zone 'utc') at time zone 'utc'",
                        VIDEOS.READY_AT.getDataType())))
                .fetchOne(0, Double.class);
        return sum == null ? 0 : sum;
    }

    private static Condition scope(OrganizationId organizationId, @Nullable String titleContains) {
        Condition condition = VIDEOS.ORGANIZATION_ID.eq(organizationId);
        if (titleContains != null && !titleContains.isBlank()) {
            String pattern = "%" + titleContains.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            condition = condition.and(DSL.lower(VIDEOS.TITLE).like(pattern, '\\'));
        }
        return condition;
    }

    private static SortField<?> order(VideoSort sort) {
        return switch (sort) {
            case NEWEST -> VIDEOS.CREATED_AT.desc();
            case OLDEST -> VIDEOS.CREATED_AT.asc();
            case TITLE -> DSL.lower(VIDEOS.TITLE).asc();
            case TITLE_DESCENDING -> DSL.lower(VIDEOS.TITLE).desc();
            case LONGEST -> VIDEOS.DURATION_SECONDS.desc().nullsLast();
            case SHORTEST -> VIDEOS.DURATION_SECONDS.asc().nullsLast();
        };
    }

    @Override
    public boolean insertProcessing(VideoIngestService.NewVideo video, String playbackId) {
        var facts = video.facts();
        return dsl.insertInto(VIDEOS)
                .set(VIDEOS.VIDEO_ID, video.id())
                .set(VIDEOS.ORGANIZATION_ID, video.organizationId())
                .set(VIDEOS.TITLE, video.title())
                .set(VIDEOS.STATUS, VideoStatus.PROCESSING.dbValue())
                .set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.PLAYBACK_POLICY, video.signedPlayback() ? "signed" : "public")
                .set(VIDEOS.SOURCE_KEY, video.sourceKey())
                .set(VIDEOS.UPLOAD_ID, video.uploadId())
                .set(VIDEOS.DURATION_SECONDS, facts.durationSeconds())
                .set(VIDEOS.WIDTH, facts.width())
                .set(VIDEOS.HEIGHT, facts.height())
                .set(VIDEOS.SIZE_BYTES, facts.sizeBytes())
                .onConflictDoNothing()
                .execute() == 1;
    }
}
