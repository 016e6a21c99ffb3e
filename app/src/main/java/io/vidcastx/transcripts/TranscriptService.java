package io.vidcastx.transcripts;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vidcastx.accounts.Role;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.Languages;
import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.Srt;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.captions.WebVtt;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.TranscriptId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transcripts of the caller's organization's videos. Reading and searching need any role; asking
 * for a transcription, editing and uploading need Member or above. Every change rewrites the
 * WebVTT file and the HLS subtitle rendition inside the transaction, so a failed write loses
 * nothing that was saved and saves nothing that was not written.
 */
@Service
public class TranscriptService {

    /** Larger than any real caption file (a 3-hour film is about 200 kB). */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    private static final int SEARCH_LIMIT = 50;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final TranscriptRepository repository;
    private final TranscriptStore store;
    private final JobQueue queue;
    private final EventRecorder events;
    private final MpegTsClock clock;

    TranscriptService(TranscriptRepository repository, TranscriptStore store, JobQueue queue, EventRecorder events,
                      MpegTsClock clock) {
        this.repository = repository;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
    }

    /** The video's transcripts, the default caption track first. */
    @Transactional(readOnly = true)
    public List<StoredTranscript> list(Caller caller, VideoId videoId) {
        return store.forVideo(caller.organizationId(), videoId);
    }

    @Transactional(readOnly = true)
    public Optional<Transcript> get(Caller caller, TranscriptId id) {
        return store.find(caller.organizationId(), id)
                .map(meta -> new Transcript(meta, store.cues(caller.organizationId(), id)));
    }

    /** The latest transcription job of one of the caller's videos, if any was queued. */
    @Transactional(readOnly = true)
    public Optional<TranscriptionJob> transcription(Caller caller, VideoId videoId) {
        if (repository.video(caller.organizationId(), videoId).isEmpty()) {
            return Optional.empty();
        }
        return repository.latestTranscription(videoId);
    }

    /**
     * Queues a transcription; it replaces the transcript of the same language, edits included.
     *
     * @param language an ISO 639-1 code Whisper knows, or null to detect the spoken language
     */
    @Transactional
    public void transcribe(Caller caller, VideoId videoId, @Nullable String language) {
        caller.require(Role.MEMBER, "transcribe videos");
        var video = repository.video(caller.organizationId(), videoId)
                .orElseThrow(() -> new IllegalArgumentException("No such video"));
        if (video.status() != VideoStatus.READY) {
            throw new IllegalStateException("The video can be transcribed once it is ready");
        }
        if (Boolean.FALSE.equals(video.hasAudio())) {
            throw new IllegalStateException("The video has no sound to transcribe");
        }
        if (language != null && !Languages.isWhisperLanguage(language)) {
            throw new IllegalArgumentException("Whisper does not transcribe '" + language + "'");
        }
        if (repository.latestTranscription(videoId).map(TranscriptionJob::running).orElse(false)) {
            throw new IllegalStateException("This video is already being transcribed");
        }
        queue.enqueue(Queues.AI_JOBS, new AIJobData(videoId, AIJobType.TRANSCRIBE, language));
    }

    /**
     * Saves edited cues (in time order) and regenerates the WebVTT file and playlists.
     *
     * @throws OptimisticLockingFailureException when the transcript changed since {@code version} was read
     * @throws IllegalArgumentException when there are no cues
     */
    @Transactional
    public StoredTranscript save(Caller caller, TranscriptId id, long version, List<Cue> cues) {
        caller.require(Role.MEMBER, "edit transcripts");
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("A transcript needs at least one cue");
        }
        var ordered = cues.stream().sorted(Comparator.comparingLong(Cue::startMs)).toList();
        if (!store.update(caller.organizationId(), id, version, ordered)) {
            throw new OptimisticLockingFailureException(
                    "The transcript was changed meanwhile (by someone else or a new transcription); reload it");
        }
        var saved = store.find(caller.organizationId(), id).orElseThrow();
        store.publish(saved);
        return saved;
    }

    /**
     * Replaces (or adds) the video's captions in {@code language} with an uploaded WebVTT file.
     *
     * @throws io.vidcastx.core.captions.CaptionFormatException naming the line that is not WebVTT
     * @throws IllegalStateException when the video is not ready yet
     */
    @Transactional
    public StoredTranscript upload(Caller caller, VideoId videoId, String language, String fileName, byte[] content) {
        caller.require(Role.MEMBER, "upload captions");
        var video = repository.video(caller.organizationId(), videoId)
                .orElseThrow(() -> new IllegalArgumentException("No such video"));
        if (video.status() != VideoStatus.READY) {
            // Before the master playlist exists the track could not be added to it, and the
            // segments' MPEG-TS clock could not be read for the cues' timestamp map.
            throw new IllegalStateException("Captions can be uploaded once the video is ready");
        }
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new IllegalArgumentException("'" + language + "' is not a language code such as en or pt-BR");
        }
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("A caption file may have at most 5 MB");
        }
        var cues = WebVtt.parse(utf8(content));
        var existing = store.forVideo(caller.organizationId(), videoId);
        long offset = existing.isEmpty()
                ? clock.firstTimestamp(videoId, repository.renditionPlaylistKey(caller.organizationId(), videoId),
                        Path.of(System.getProperty("java.io.tmpdir"), "vidcastx-captions"))
                : existing.getFirst().mpegtsOffset();
        String name = fileName.replaceAll("[^\\w .()-]", "_");
        var stored = store.replace(caller.organizationId(), videoId, language,
                "uploaded " + (name.length() > 100 ? name.substring(0, 100) : name), "upload", cues, offset);
        store.publish(stored);
        events.record(caller.organizationId(), "video.asset.track.ready", "asset", videoId.toString(), stored.muxTrack());
        return stored;
    }

    /** The transcript as WebVTT, as players get it. */
    @Transactional(readOnly = true)
    public String vtt(Caller caller, TranscriptId id) {
        var transcript = get(caller, id).orElseThrow(() -> new IllegalArgumentException("No such transcript"));
        return WebVtt.write(transcript.cues(), transcript.meta().mpegtsOffset());
    }

    /** The transcript as SubRip, for editors that take no WebVTT. */
    @Transactional(readOnly = true)
    public String srt(Caller caller, TranscriptId id) {
        return Srt.write(get(caller, id).orElseThrow(() -> new IllegalArgumentException("No such transcript")).cues());
    }

    /** The moments in the organization's videos where the words are said, best matches first. */
    @Transactional(readOnly = true)
    public List<SearchHit> search(Caller caller, String query) {
        // PostgreSQL refuses NUL in text, and no control character is ever a word.
        String words = CONTROL.matcher(query).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return List.of();
        }
        return repository.search(caller.organizationId(), words.length() > 200 ? words.substring(0, 200) : words,
                SEARCH_LIMIT);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The file is not UTF-8 text, as WebVTT files must be");
        }
    }
}
