package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.PLAYBACK_IDS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides whether a playback id may be played with the given token. */
@Service
class PlaybackService {

    private final DSLContext dsl;
    private final PlaybackTokenVerifier tokens;

    PlaybackService(DSLContext dsl, PlaybackTokenVerifier tokens) {
        this.dsl = dsl;
        this.tokens = tokens;
    }

    /** A playable video behind a playback id. */
    record Playable(VideoId videoId, OrganizationId organizationId, PlaybackPolicy policy, @Nullable Double duration,
                    boolean hasPicture) {
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
        var primary = dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, VIDEOS.PLAYBACK_POLICY, VIDEOS.DURATION_SECONDS,
                        VIDEOS.WIDTH)
                .from(VIDEOS)
                .where(VIDEOS.PLAYBACK_ID.eq(playbackId).and(VIDEOS.STATUS.eq("ready")))
                .fetchOptional(r -> new Playable(r.value1(), r.value2(), PlaybackPolicy.fromDb(r.value3()), r.value4(),
                        r.value5() != null));
        if (primary.isPresent()) {
            return primary;
        }
        return dsl.select(VIDEOS.VIDEO_ID, VIDEOS.ORGANIZATION_ID, PLAYBACK_IDS.POLICY, VIDEOS.DURATION_SECONDS, VIDEOS.WIDTH)
                .from(PLAYBACK_IDS).join(VIDEOS).on(VIDEOS.VIDEO_ID.eq(PLAYBACK_IDS.VIDEO_ID))
                .where(PLAYBACK_IDS.PLAYBACK_ID.eq(playbackId).and(VIDEOS.STATUS.eq("ready")))
                .fetchOptional(r -> new Playable(r.value1(), r.value2(), PlaybackPolicy.fromDb(r.value3()), r.value4(),
                        r.value5() != null));
    }
}
