package io.vidcastx.core.captions;

import static io.vidcastx.db.jooq.Tables.TRANSCRIPTS;
import static io.vidcastx.db.jooq.Tables.TRANSCRIPT_SEGMENTS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.TranscriptId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Transcripts in PostgreSQL and their files in storage, kept in step for the AI worker and the
 * dashboard alike. Rows are the truth; {@link #publish} regenerates a language's WebVTT file and
 * subtitle playlist and the master playlist's subtitle group from them, so it can be repeated
 * safely. Every call is scoped to an organization.
 */
public class TranscriptStore {

    private static final String VTT = "text/vtt; charset=utf-8";
    private static final String HLS = "application/vnd.apple.mpegurl";

    private final DSLContext dsl;
    private final StorageService storage;

    public TranscriptStore(DSLContext dsl, StorageService storage) {
        this.dsl = dsl;
        this.storage = storage;
    }

    /**
     * Stores {@code cues} as the video's transcript in {@code language}, replacing an earlier one
     * (re-transcribing or uploading starts that language afresh).
     */
    public StoredTranscript replace(OrganizationId organizationId, VideoId videoId, String language, String model,
                                    String source, List<Cue> cues, long mpegtsOffset) {
        return upsert(organizationId, videoId, language, model, source, cues, mpegtsOffset, null, DSL.noCondition())
                .orElseThrow(() -> new IllegalStateException("The video belongs to another organization"));
    }

    /**
     * Stores what the transcription job {@code job} made, unless that would lose a person's work or
     * repeat the job: the transcript in {@code language} is left as it is when this job already
     * wrote it, or when a person edited or uploaded it after the job was queued at {@code queuedAt}.
     * An older transcript is replaced, edits included, as asking for a transcription promises.
     *
     * @return empty when the transcript was left as it is
     */
    public Optional<StoredTranscript> replaceFromJob(OrganizationId organizationId, VideoId videoId, String language,
                                                     String model, List<Cue> cues, long mpegtsOffset, JobId job,
                                                     OffsetDateTime queuedAt) {
        // Checked by the upsert itself, against the row as committed when it gets the row lock.
        Condition changedByPersonSince = TRANSCRIPTS.EDITED.isTrue().or(TRANSCRIPTS.SOURCE.eq("upload"))
                .and(TRANSCRIPTS.UPDATED_AT.gt(queuedAt));
        Condition untouched = TRANSCRIPTS.JOB_ID.isDistinctFrom(job).andNot(changedByPersonSince);
        var stored = upsert(organizationId, videoId, language, model, "whisper", cues, mpegtsOffset, job, untouched);
        if (stored.isEmpty() && !dsl.fetchExists(TRANSCRIPTS, TRANSCRIPTS.VIDEO_ID.eq(videoId),
                TRANSCRIPTS.LANGUAGE.eq(language), TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId))) {
            throw new IllegalStateException("The video belongs to another organization");
        }
        return stored;
    }

    private Optional<StoredTranscript> upsert(OrganizationId organizationId, VideoId videoId, String language,
                                              String model, String source, List<Cue> cues, long mpegtsOffset,
                                              @Nullable JobId job, Condition overwrite) {
        StorageKeys.captions(videoId, language); // checks the language tag before anything is stored
        var id = dsl.insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.TRANSCRIPT_ID, TranscriptId.random())
                .set(TRANSCRIPTS.ORGANIZATION_ID, organizationId)
                .set(TRANSCRIPTS.VIDEO_ID, videoId)
                .set(TRANSCRIPTS.LANGUAGE, language)
                .set(TRANSCRIPTS.NAME, languageName(language))
                .set(TRANSCRIPTS.MODEL, model)
                .set(TRANSCRIPTS.SOURCE, source)
                .set(TRANSCRIPTS.MPEGTS_OFFSET, mpegtsOffset)
                .set(TRANSCRIPTS.JOB_ID, job)
                .onConflict(TRANSCRIPTS.VIDEO_ID, TRANSCRIPTS.LANGUAGE).doUpdate()
                .set(TRANSCRIPTS.MODEL, model)
                .set(TRANSCRIPTS.SOURCE, source)
                .set(TRANSCRIPTS.EDITED, false)
                .set(TRANSCRIPTS.MPEGTS_OFFSET, mpegtsOffset)
                .set(TRANSCRIPTS.JOB_ID, job)
                .set(TRANSCRIPTS.VERSION, TRANSCRIPTS.VERSION.plus(1))
                .set(TRANSCRIPTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId), overwrite)
                .returning(TRANSCRIPTS.TRANSCRIPT_ID)
                .fetchOptional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        writeSegments(organizationId, id.get().getTranscriptId(), cues);
        return find(organizationId, id.get().getTranscriptId());
    }

    /**
     * Replaces the cues of a transcript edited by hand.
     *
     * @return false when it was changed or deleted since {@code version} was read
     */
    public boolean update(OrganizationId organizationId, TranscriptId id, long version, List<Cue> cues) {
        int updated = dsl.update(TRANSCRIPTS)
                .set(TRANSCRIPTS.EDITED, true)
                .set(TRANSCRIPTS.VERSION, TRANSCRIPTS.VERSION.plus(1))
                .set(TRANSCRIPTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TRANSCRIPTS.TRANSCRIPT_ID.eq(id), TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId),
                        TRANSCRIPTS.VERSION.eq(version))
                .execute();
        if (updated == 0) {
            return false;
        }
        writeSegments(organizationId, id, cues);
        return true;
    }

    public Optional<StoredTranscript> find(OrganizationId organizationId, TranscriptId id) {
        return dsl.selectFrom(TRANSCRIPTS)
                .where(TRANSCRIPTS.TRANSCRIPT_ID.eq(id), TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(TranscriptStore::transcript);
    }

    /** The video's transcripts, the first made first (it is the default caption track). */
    public List<StoredTranscript> forVideo(OrganizationId organizationId, VideoId videoId) {
        return dsl.selectFrom(TRANSCRIPTS)
                .where(TRANSCRIPTS.VIDEO_ID.eq(videoId), TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(TRANSCRIPTS.CREATED_AT, TRANSCRIPTS.LANGUAGE)
                .fetch(TranscriptStore::transcript);
    }

    public List<Cue> cues(OrganizationId organizationId, TranscriptId id) {
        return dsl.select(TRANSCRIPT_SEGMENTS.START_MS, TRANSCRIPT_SEGMENTS.END_MS, TRANSCRIPT_SEGMENTS.TEXT)
                .from(TRANSCRIPT_SEGMENTS)
                .where(TRANSCRIPT_SEGMENTS.TRANSCRIPT_ID.eq(id), TRANSCRIPT_SEGMENTS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(TRANSCRIPT_SEGMENTS.POSITION)
                .fetch(r -> new Cue(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Writes the transcript's WebVTT file ({@code captions/{videoId}/{lang}.vtt}) and subtitle
     * playlist, and the master playlist's subtitle group for all of the video's transcripts.
     * Call it inside the transaction that changed the rows: publishes of one video then run one
     * after another (see {@link #lockVideo}).
     */
    public void publish(StoredTranscript transcript) {
        var organizationId = transcript.organizationId();
        var videoId = transcript.videoId();
        lockVideo(videoId);
        var cues = cues(organizationId, transcript.id());
        storage.uploadFile(StorageKeys.captions(videoId, transcript.language()),
                WebVtt.write(cues, transcript.mpegtsOffset()).getBytes(StandardCharsets.UTF_8), VTT);
        Double duration = dsl.select(VIDEOS.DURATION_SECONDS).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(videoId), VIDEOS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(VIDEOS.DURATION_SECONDS).orElse(null);
        double seconds = duration != null ? duration : cues.isEmpty() ? 0 : cues.getLast().endMs() / 1000.0;
        storage.uploadFile(StorageKeys.hlsFile(videoId, HlsSubtitles.playlistPath(transcript.language())),
                HlsSubtitles.mediaPlaylist(seconds, transcript.language()).getBytes(StandardCharsets.UTF_8), HLS);
        String masterKey = StorageKeys.hlsMaster(videoId);
        String master;
        try (InputStream in = storage.getFileStream(masterKey)) {
            master = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (StorageObjectNotFoundException e) {
            return; // not transcoded (or being transcoded again): its new master is written without captions
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var tracks = forVideo(organizationId, videoId).stream()
                .map(t -> new HlsSubtitles.Track(t.language(), t.name())).toList();
        String updated = HlsSubtitles.master(master, tracks);
        if (!updated.equals(master)) {
            storage.uploadFile(masterKey, updated.getBytes(StandardCharsets.UTF_8), HLS);
        }
    }

    /**
     * Waits for other transactions publishing this video's captions to end, and holds them off until
     * this one ends. The master playlist is rebuilt from the rows this transaction sees; two
     * publishes running side by side (the AI worker committing one language while a person uploads
     * another) would each miss the other's uncommitted track, and the last upload of the master
     * would drop it. Once the lock is held, the other transaction has committed, and PostgreSQL's
     * read committed isolation shows its rows to the next statement. An advisory lock, not a row
     * lock on the video: inserting a transcript already holds a key-share lock on the video row,
     * so two writers upgrading it would deadlock.
     */
    private void lockVideo(VideoId videoId) {
        MasterPlaylistLock.hold(dsl, videoId);
    }

    /** The language's English name for players' caption menus ("English", "Portuguese (Brazil)"). */
    public static String languageName(String language) {
        var locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayName(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(language) ? language : name;
    }

    private void writeSegments(OrganizationId organizationId, TranscriptId id, List<Cue> cues) {
        dsl.deleteFrom(TRANSCRIPT_SEGMENTS).where(TRANSCRIPT_SEGMENTS.TRANSCRIPT_ID.eq(id)).execute();
        if (cues.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(TRANSCRIPT_SEGMENTS, TRANSCRIPT_SEGMENTS.TRANSCRIPT_ID,
                TRANSCRIPT_SEGMENTS.ORGANIZATION_ID, TRANSCRIPT_SEGMENTS.POSITION, TRANSCRIPT_SEGMENTS.START_MS,
                TRANSCRIPT_SEGMENTS.END_MS, TRANSCRIPT_SEGMENTS.TEXT);
        for (int i = 0; i < cues.size(); i++) {
            var cue = cues.get(i);
            insert = insert.values(id, organizationId, i, cue.startMs(), cue.endMs(), cue.text());
        }
        insert.execute();
    }

    private static StoredTranscript transcript(Record r) {
        return new StoredTranscript(r.get(TRANSCRIPTS.TRANSCRIPT_ID), r.get(TRANSCRIPTS.ORGANIZATION_ID),
                r.get(TRANSCRIPTS.VIDEO_ID), r.get(TRANSCRIPTS.LANGUAGE), r.get(TRANSCRIPTS.NAME), r.get(TRANSCRIPTS.MODEL),
                r.get(TRANSCRIPTS.SOURCE), r.get(TRANSCRIPTS.EDITED), r.get(TRANSCRIPTS.MPEGTS_OFFSET),
                r.get(TRANSCRIPTS.VERSION), r.get(TRANSCRIPTS.UPDATED_AT));
    }
}
