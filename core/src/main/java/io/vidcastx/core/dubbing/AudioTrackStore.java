package io.vidcastx.core.dubbing;

import static io.vidcastx.db.jooq.Tables.AUDIO_TRACKS;
import static io.vidcastx.db.jooq.Tables.TRANSCRIPTS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.captions.MasterPlaylistLock;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.AudioTrackId;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Dubbed audio track rows and the master playlist's audio group, kept in step for the AI worker
 * and the app. Rows are the truth: {@link #publish} rebuilds the group from them under the video's
 * master playlist lock (shared with captions). Every call is scoped to an organization.
 */
public class AudioTrackStore {

    private static final String HLS = "application/vnd.apple.mpegurl";

    private final DSLContext dsl;
    private final StorageService storage;

    public AudioTrackStore(DSLContext dsl, StorageService storage) {
        this.dsl = dsl;
        this.storage = storage;
    }

    /**
     * Asks for {@code language}: a new track, or the existing one set back to preparing with the new
     * settings (its current rendition keeps playing until the new one replaces it).
     */
    public AudioTrack request(OrganizationId organizationId, VideoId videoId, String language, String name,
                              DubbingProvider provider, @Nullable String voice, boolean keepBackground) {
        StorageKeys.captions(videoId, language); // checks the language tag before it names anything
        var id = dsl.insertInto(AUDIO_TRACKS)
                .set(AUDIO_TRACKS.AUDIO_TRACK_ID, AudioTrackId.random())
                .set(AUDIO_TRACKS.ORGANIZATION_ID, organizationId)
                .set(AUDIO_TRACKS.VIDEO_ID, videoId)
                .set(AUDIO_TRACKS.LANGUAGE, language)
                .set(AUDIO_TRACKS.NAME, name)
                .set(AUDIO_TRACKS.PROVIDER, provider.db())
                .set(AUDIO_TRACKS.VOICE, voice)
                .set(AUDIO_TRACKS.KEEP_BACKGROUND, keepBackground)
                .onConflict(AUDIO_TRACKS.VIDEO_ID, AUDIO_TRACKS.LANGUAGE).doUpdate()
                .set(AUDIO_TRACKS.NAME, name)
                .set(AUDIO_TRACKS.PROVIDER, provider.db())
                .set(AUDIO_TRACKS.VOICE, voice)
                .set(AUDIO_TRACKS.KEEP_BACKGROUND, keepBackground)
                .set(AUDIO_TRACKS.STATUS, AudioTrackStatus.PREPARING.db())
                .set(AUDIO_TRACKS.PROGRESS, 0)
                .setNull(AUDIO_TRACKS.ERROR)
                .setNull(AUDIO_TRACKS.NOTE)
                .set(AUDIO_TRACKS.VERSION, AUDIO_TRACKS.VERSION.plus(1))
                .set(AUDIO_TRACKS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .returning(AUDIO_TRACKS.AUDIO_TRACK_ID)
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("The video belongs to another organization"));
        return find(organizationId, id.getAudioTrackId()).orElseThrow();
    }

    public Optional<AudioTrack> find(OrganizationId organizationId, AudioTrackId id) {
        return dsl.selectFrom(AUDIO_TRACKS)
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(id), AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(AudioTrackStore::track);
    }

    public Optional<AudioTrack> find(OrganizationId organizationId, VideoId videoId, String language) {
        return dsl.selectFrom(AUDIO_TRACKS)
                .where(AUDIO_TRACKS.VIDEO_ID.eq(videoId), AUDIO_TRACKS.LANGUAGE.eq(language),
                        AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(AudioTrackStore::track);
    }

    public List<AudioTrack> forVideo(OrganizationId organizationId, VideoId videoId) {
        return dsl.selectFrom(AUDIO_TRACKS)
                .where(AUDIO_TRACKS.VIDEO_ID.eq(videoId), AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AUDIO_TRACKS.CREATED_AT, AUDIO_TRACKS.LANGUAGE)
                .fetch(AudioTrackStore::track);
    }

    public void progress(OrganizationId organizationId, AudioTrackId id, int percent) {
        dsl.update(AUDIO_TRACKS).set(AUDIO_TRACKS.PROGRESS, Math.clamp(percent, 0, 100))
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(id), AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId),
                        AUDIO_TRACKS.STATUS.eq(AudioTrackStatus.PREPARING.db()))
                .execute();
    }

    /** Records why the dub failed; an earlier rendition of the track, if any, keeps playing. */
    public void failed(OrganizationId organizationId, AudioTrackId id, String reason) {
        dsl.update(AUDIO_TRACKS).set(AUDIO_TRACKS.STATUS, AudioTrackStatus.ERRORED.db())
                .set(AUDIO_TRACKS.ERROR, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .set(AUDIO_TRACKS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(id), AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .execute();
    }

    /**
     * Points the track at its new rendition in {@code folder} and republishes the master: players
     * switch from the old folder to the new one in one master write. Call inside a transaction.
     *
     * @return the folder it replaced (to delete once this commits), or empty
     */
    public Optional<String> ready(AudioTrack track, String folder, JobId job) {
        return ready(track, folder, job, null);
    }

    /** As {@link #ready(AudioTrack, String, JobId)}, with a note for the video page (null for none). */
    public Optional<String> ready(AudioTrack track, String folder, JobId job, @Nullable String note) {
        MasterPlaylistLock.hold(dsl, track.videoId());
        var before = dsl.select(AUDIO_TRACKS.FOLDER).from(AUDIO_TRACKS)
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(track.id()), AUDIO_TRACKS.ORGANIZATION_ID.eq(track.organizationId()))
                .forUpdate().fetchOptional();
        if (before.isEmpty()) {
            throw new IllegalStateException("The audio track was removed while it was being dubbed");
        }
        dsl.update(AUDIO_TRACKS).set(AUDIO_TRACKS.STATUS, AudioTrackStatus.READY.db())
                .set(AUDIO_TRACKS.PROGRESS, 100).setNull(AUDIO_TRACKS.ERROR)
                .set(AUDIO_TRACKS.FOLDER, folder).set(AUDIO_TRACKS.JOB_ID, job).set(AUDIO_TRACKS.NOTE, note)
                .set(AUDIO_TRACKS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(track.id()))
                .execute();
        publish(track.organizationId(), track.videoId());
        return Optional.ofNullable(before.get().value1()).filter(old -> !old.equals(folder));
    }

    /**
     * Removes the track and its line in the master. Call inside a transaction.
     *
     * @return its rendition's folder (to delete once this commits), or empty when there was none
     */
    public Optional<AudioTrack> delete(OrganizationId organizationId, AudioTrackId id) {
        var track = find(organizationId, id);
        if (track.isEmpty()) {
            return track;
        }
        MasterPlaylistLock.hold(dsl, track.get().videoId());
        dsl.deleteFrom(AUDIO_TRACKS)
                .where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(id), AUDIO_TRACKS.ORGANIZATION_ID.eq(organizationId))
                .execute();
        publish(organizationId, track.get().videoId());
        return track;
    }

    /**
     * Rebuilds the master playlist's audio group from the tracks that have a rendition. Holds the
     * video's master playlist lock to the end of the caller's transaction.
     */
    public void publish(OrganizationId organizationId, VideoId videoId) {
        MasterPlaylistLock.hold(dsl, videoId);
        String masterKey = StorageKeys.hlsMaster(videoId);
        String master;
        try (InputStream in = storage.getFileStream(masterKey)) {
            master = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (StorageObjectNotFoundException e) {
            return; // not transcoded (or being transcoded again)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var dubs = forVideo(organizationId, videoId).stream().filter(t -> t.folder() != null)
                .map(t -> new HlsAudio.Rendition(t.language(), t.name(), HlsAudio.playlistPath(t.folder())))
                .toList();
        String original = originalLanguage(organizationId, videoId);
        String updated = HlsAudio.master(master, original,
                original.equals("und") ? "Original" : TranscriptStore.languageName(original), dubs);
        if (!updated.equals(master)) {
            storage.uploadFile(masterKey, updated.getBytes(StandardCharsets.UTF_8), HLS);
        }
    }

    /** The spoken language: that of the first transcript not made by translation, else "und". */
    public String originalLanguage(OrganizationId organizationId, VideoId videoId) {
        return dsl.select(TRANSCRIPTS.LANGUAGE).from(TRANSCRIPTS)
                .where(TRANSCRIPTS.VIDEO_ID.eq(videoId), TRANSCRIPTS.ORGANIZATION_ID.eq(organizationId),
                        TRANSCRIPTS.SOURCE.ne("translation"))
                .orderBy(TRANSCRIPTS.CREATED_AT).limit(1)
                .fetchOptional(TRANSCRIPTS.LANGUAGE).orElse("und");
    }

    private static AudioTrack track(Record r) {
        return new AudioTrack(r.get(AUDIO_TRACKS.AUDIO_TRACK_ID), r.get(AUDIO_TRACKS.ORGANIZATION_ID),
                r.get(AUDIO_TRACKS.VIDEO_ID), r.get(AUDIO_TRACKS.LANGUAGE), r.get(AUDIO_TRACKS.NAME),
                DubbingProvider.fromDb(r.get(AUDIO_TRACKS.PROVIDER)), r.get(AUDIO_TRACKS.VOICE),
                r.get(AUDIO_TRACKS.KEEP_BACKGROUND), AudioTrackStatus.fromDb(r.get(AUDIO_TRACKS.STATUS)),
                r.get(AUDIO_TRACKS.PROGRESS), r.get(AUDIO_TRACKS.ERROR), r.get(AUDIO_TRACKS.FOLDER),
                r.get(AUDIO_TRACKS.JOB_ID), r.get(AUDIO_TRACKS.UPDATED_AT), r.get(AUDIO_TRACKS.NOTE));
    }
}
