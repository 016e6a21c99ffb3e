package io.vidcastx.dubbing;

import java.util.List;
import java.util.Optional;

import io.vidcastx.core.database.AfterCommit;
import io.vidcastx.core.dubbing.AudioTrack;
import io.vidcastx.core.dubbing.AudioTrackStatus;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.DubbingSettings;
import io.vidcastx.core.dubbing.ElevenLabsLanguages;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.AudioTrackId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.Caller;
import io.vidcastx.accounts.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dubbed audio tracks of the caller's organization's videos. Listing needs any role; asking
 * for a dub and removing one need Member or above. A dub is one {@code ai-jobs} DUB job per video
 * and language, queued in the transaction that records the track.
 */
@Service
public class DubbingService {

    private static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    private final DubbingRepository repository;
    private final AudioTrackStore tracks;
    private final LocalDubbingTools tools;
    private final JobQueue queue;
    private final StorageService storage;
    private final DubbingAccounts accounts;

    DubbingService(DubbingRepository repository, AudioTrackStore tracks, LocalDubbingTools tools, JobQueue queue,
                   StorageService storage, DubbingAccounts accounts) {
        this.accounts = accounts;
        this.repository = repository;
        this.tracks = tracks;
        this.tools = tools;
        this.queue = queue;
        this.storage = storage;
    }

    @Transactional(readOnly = true)
    public List<AudioTrack> list(Caller caller, VideoId videoId) {
        return tracks.forVideo(caller.organizationId(), videoId);
    }

    @Transactional(readOnly = true)
    public Optional<AudioTrack> get(Caller caller, AudioTrackId id) {
        return tracks.find(caller.organizationId(), id);
    }

    /** The organization's default provider and whether an ElevenLabs key is set (never the key). */
    @Transactional(readOnly = true)
    public DubbingSettings settings(Caller caller) {
        return accounts.settings(caller.organizationId());
    }

    /**
     * Stores the organization's ElevenLabs API key, sealed; it is never shown again. Admins only.
     *
     * @throws IllegalArgumentException for a blank or implausible key
     */
    @Transactional
    public void setElevenLabsKey(Caller caller, String apiKey) {
        caller.require(Role.ADMIN, "set the ElevenLabs API key");
        String key = apiKey.strip();
        if (!key.matches("[A-Za-z0-9_\\-]{16,200}")) {
            throw new IllegalArgumentException("An ElevenLabs API key is 16 to 200 letters, digits, '_' or '-' "
                    + "(copy it from elevenlabs.io › Developers › API keys)");
        }
        accounts.setElevenLabsKey(caller.organizationId(), key);
    }

    /** Forgets the ElevenLabs key; dubs then default to the local provider. Admins only. */
    @Transactional
    public void removeElevenLabsKey(Caller caller) {
        caller.require(Role.ADMIN, "remove the ElevenLabs API key");
        accounts.removeElevenLabsKey(caller.organizationId());
    }

    /**
     * The provider a dub uses when the request names none. Admins only.
     *
     * @throws IllegalArgumentException for ElevenLabs without a key
     */
    @Transactional
    public void setDefaultProvider(Caller caller, DubbingProvider provider) {
        caller.require(Role.ADMIN, "choose the dubbing provider");
        if (provider == DubbingProvider.ELEVENLABS && !accounts.settings(caller.organizationId()).elevenLabsKeySet()) {
            throw new IllegalArgumentException("Set an ElevenLabs API key before making ElevenLabs the default");
        }
        accounts.setProvider(caller.organizationId(), provider);
    }

    /**
     * The languages {@code provider} can dub this video into: for local, the installed apertium pairs
     * with an espeak-ng voice; for ElevenLabs, its languages once the organization has a key.
     */
    @Transactional(readOnly = true)
    public List<String> targets(Caller caller, VideoId videoId, DubbingProvider provider) {
        if (provider == DubbingProvider.LOCAL) {
            return localTargets(caller, videoId);
        }
        if (!accounts.settings(caller.organizationId()).elevenLabsKeySet()) {
            return List.of();
        }
        String original = tracks.originalLanguage(caller.organizationId(), videoId);
        return ElevenLabsLanguages.DUBBING.stream().filter(language -> !language.equals(original)).toList();
    }

    /** espeak-ng's voices for {@code language} (say {@code es}, {@code es-419}); ElevenLabs' dubbing picks its own. */
    public List<String> localVoices(String language) {
        String primary = language.split("-")[0];
        return tools.espeakVoices().stream().filter(v -> v.equals(primary) || v.startsWith(primary + "-")).sorted()
                .toList();
    }

    /** The languages the local provider can dub this video into, on this machine. */
    @Transactional(readOnly = true)
    public List<String> localTargets(Caller caller, VideoId videoId) {
        String original = tracks.originalLanguage(caller.organizationId(), videoId);
        return tools.targets(original.equals("und") ? "en" : original);
    }

    /**
     * Starts dubbing the video into {@code language} (again, if it was dubbed before: the current
     * rendition keeps playing until the new one replaces it).
     *
     * @throws IllegalArgumentException for a bad language or a language that cannot work here
     * @throws IllegalStateException    when the video is not ready or that language is being dubbed
     */
    @Transactional
    public AudioTrack dub(Caller caller, VideoId videoId, String language, @Nullable String name,
                          @Nullable DubbingProvider requested, @Nullable String voice, boolean keepBackground) {
        caller.require(Role.MEMBER, "dub videos");
        var settings = accounts.settings(caller.organizationId());
        // The request's provider overrides the organization's default for this video.
        DubbingProvider provider = requested != null ? requested : settings.provider();
        if (!language.matches(LANGUAGE)) {
            throw new IllegalArgumentException("language_code must be a language tag such as \"es\"");
        }
        var status = repository.videoStatus(caller.organizationId(), videoId)
                .orElseThrow(() -> new IllegalArgumentException("No such video"));
        if (status != VideoStatus.READY) {
            throw new IllegalStateException("The video can be dubbed once it is ready");
        }
        if (provider == DubbingProvider.ELEVENLABS) {
            if (!settings.elevenLabsKeySet()) {
                throw new IllegalArgumentException("The organization has no ElevenLabs API key: set one in "
                        + "Settings › General, or use \"local\"");
            }
            if (!ElevenLabsLanguages.canDub(language)) {
                throw new IllegalArgumentException("ElevenLabs cannot dub into '" + language + "'; it dubs into "
                        + String.join(", ", ElevenLabsLanguages.DUBBING));
            }
            if (voice != null) {
                throw new IllegalArgumentException("ElevenLabs' dubbing chooses voices like the original speakers'; "
                        + "leave voice out");
            }
        } else {
            if (!localTargets(caller, videoId).contains(language)) {
                throw new IllegalArgumentException("This server cannot dub into '" + language + "' locally. "
                        + tools.advice(language));
            }
            if (voice != null && !tools.canSpeak(voice)) {
                throw new IllegalArgumentException("espeak-ng has no voice '" + voice + "' here");
            }
        }
        var existing = tracks.find(caller.organizationId(), videoId, language);
        if (existing.isPresent() && existing.get().status() == AudioTrackStatus.PREPARING) {
            throw new IllegalStateException("The video is already being dubbed into '" + language + "'");
        }
        String trackName = name == null || name.isBlank() ? defaultName(language) : name.strip();
        if (trackName.length() > 100) {
            throw new IllegalArgumentException("name must be at most 100 characters");
        }
        var track = tracks.request(caller.organizationId(), videoId, language, trackName, provider, voice,
                keepBackground);
        queue.enqueue(Queues.AI_JOBS, new AIJobData(videoId, AIJobType.DUB, language));
        return track;
    }

    /**
     * Removes the track from the master playlist at once and its files after the commit; a dub
     * still running for it stops.
     *
     * @return false when there was no such track
     */
    @Transactional
    public boolean remove(Caller caller, VideoId videoId, AudioTrackId id) {
        caller.require(Role.MEMBER, "remove dubbed tracks");
        var track = tracks.find(caller.organizationId(), id).filter(t -> t.videoId().equals(videoId));
        if (track.isEmpty()) {
            return false;
        }
        tracks.delete(caller.organizationId(), id);
        String folder = track.get().folder();
        if (folder != null) {
            AfterCommit.run(() -> storage.deleteFolder(StorageKeys.hlsFolder(videoId) + folder + "/"));
        }
        return true;
    }

    /** What to install so that more languages can be dubbed locally; empty when nothing is missing. */
    public String localAdvice() {
        return tools.advice(null);
    }

    /** The language's own name ("Español"), as players show it in their audio menu. */
    public static String defaultName(String language) {
        var locale = java.util.Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        return name.isBlank() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
