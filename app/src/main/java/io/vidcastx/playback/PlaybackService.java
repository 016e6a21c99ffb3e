package io.vidcastx.playback;

import java.util.Optional;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides whether a playback id may be played with the given token. */
@Service
class PlaybackService {

    private final PlaybackRepository playables;
    private final PlaybackTokenVerifier tokens;

    PlaybackService(PlaybackRepository playables, PlaybackTokenVerifier tokens) {
        this.playables = playables;
        this.tokens = tokens;
    }

    /**
     * A playable video behind a playback id, or a live stream while it is live (then {@code videoId} is the
     * live stream's id, which has no thumbnails or MP4).
     *
     * @param hlsFolder where its HLS is in storage
     */
    record Playable(VideoId videoId, OrganizationId organizationId, PlaybackPolicy policy, @Nullable Double duration,
                    boolean hasPicture, String hlsFolder, boolean live) {

        Playable(VideoId videoId, OrganizationId organizationId, PlaybackPolicy policy, @Nullable Double duration,
                 boolean hasPicture) {
            this(videoId, organizationId, policy, duration, hasPicture, StorageKeys.hlsFolder(videoId), false);
        }

        /** A file of its HLS, e.g. {@code 480p/index.m3u8}; the relative path is checked. */
        String hlsFile(String relativePath) {
            return StorageKeys.validate(hlsFolder + StorageKeys.validateRelative(relativePath));
        }
    }

    /** Playback was refused: 404 for nothing to play, 403 for a missing or bad token. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Transactional(readOnly = true)
    Playable authorize(String playbackId, @Nullable String token, String audience) {
        var video = find(playbackId).orElseThrow(() -> new Refused(404, "No video has this playback id"));
        if (video.policy() == PlaybackPolicy.SIGNED) {
            if (token == null || token.isBlank()) {
                throw new Refused(403, "This playback id is signed: add ?token=<JWT signed with your signing key>");
            }
            try {
                tokens.verify(token, video.organizationId(), playbackId, audience);
            } catch (PlaybackTokenVerifier.InvalidToken e) {
                throw new Refused(403, e.getMessage());
            }
        }
        return video;
    }

    private Optional<Playable> find(String playbackId) {
        if (!playbackId.matches("[A-Za-z0-9]{8,64}")) {
            return Optional.empty();
        }
        return playables.findPlayable(playbackId);
    }
}
