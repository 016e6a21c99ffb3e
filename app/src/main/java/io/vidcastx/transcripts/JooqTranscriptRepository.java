package io.vidcastx.transcripts;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.TRANSCRIPTS;
import static io.vidcastx.db.jooq.Tables.TRANSCRIPT_SEGMENTS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.List;
import java.util.Optional;

import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

@Repository
class JooqTranscriptRepository implements TranscriptRepository {

    private final DSLContext dsl;

    JooqTranscriptRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<VideoFacts> video(OrganizationId organizationId, VideoId videoId) {
        return dsl.select(VIDEOS.STATUS, VIDEOS.HAS_AUDIO).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(videoId), VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(r -> new VideoFacts(VideoStatus.fromDb(r.value1()), r.value2()));
    }

    @Override
    public Optional<String> renditionPlaylistKey(OrganizationId organizationId, VideoId videoId) {
        return dsl.select(RENDITIONS.PLAYLIST_KEY).from(RENDITIONS)
                .where(RENDITIONS.VIDEO_ID.eq(videoId), RENDITIONS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(RENDITIONS.NAME).limit(1)
                .fetchOptional(RENDITIONS.PLAYLIST_KEY);
    }

    @Override
    public Optional<TranscriptionJob> latestTranscription(VideoId videoId) {
        // Matches the expression index jobs_ai_video_idx (V0008).
        var jobVideo = DSL.field("({0} ->> 'videoId')", SQLDataType.VARCHAR, JOBS.PAYLOAD);
        var jobType = DSL.field("({0} ->> 'type')", SQLDataType.VARCHAR, JOBS.PAYLOAD);
        return dsl.select(JOBS.STATUS, JOBS.PROGRESS, JOBS.LAST_ERROR).from(JOBS)
                .where(JOBS.QUEUE.eq(Queues.AI_JOBS.name()), jobVideo.eq(videoId.toString()), jobType.eq("TRANSCRIBE"))
                .orderBy(JOBS.CREATED_AT.desc()).limit(1)
                .fetchOptional(r -> new TranscriptionJob(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public List<SearchHit> search(OrganizationId organizationId, String query, int limit) {
        Field<Object> tsQuery = DSL.field("websearch_to_tsquery('simple', {0})", Object.class, DSL.val(query));
        Field<Object> document = DSL.field("to_tsvector('simple', {0})", Object.class, TRANSCRIPT_SEGMENTS.TEXT);
        Field<String> headline = DSL.field("ts_headline('simple', {0}, {1}, {2})", SQLDataType.VARCHAR,
                TRANSCRIPT_SEGMENTS.TEXT, tsQuery, DSL.val("StartSel=" + SearchHit.MARK_START + ", StopSel="
                        + SearchHit.MARK_END + ", HighlightAll=true"));
        Field<Float> rank = DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, document, tsQuery);
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.TITLE, TRANSCRIPTS.LANGUAGE, TRANSCRIPT_SEGMENTS.START_MS, headline)
                .from(TRANSCRIPT_SEGMENTS)
                .join(TRANSCRIPTS).on(TRANSCRIPTS.TRANSCRIPT_ID.eq(TRANSCRIPT_SEGMENTS.TRANSCRIPT_ID))
                .join(VIDEOS).on(VIDEOS.VIDEO_ID.eq(TRANSCRIPTS.VIDEO_ID))
                .where(TRANSCRIPT_SEGMENTS.ORGANIZATION_ID.eq(organizationId),
                        VIDEOS.ORGANIZATION_ID.eq(organizationId),
                        DSL.condition("{0} @@ {1}", document, tsQuery))
                .orderBy(rank.desc(), VIDEOS.CREATED_AT.desc(), TRANSCRIPT_SEGMENTS.START_MS)
                .limit(limit)
                .fetch(r -> new SearchHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
