package io.vidcastx.transcripts;

import java.util.List;
import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** What transcripts need to know of videos and jobs, and search; transcript rows go through core's TranscriptStore. */
public interface TranscriptRepository {

    /** The video's facts that decide what may be done with its transcripts. */
    record VideoFacts(VideoStatus status, @Nullable Boolean hasAudio) {
    }

    Optional<VideoFacts> video(OrganizationId organizationId, VideoId videoId);

    /** One HLS rendition playlist of the video, whose segments carry its MPEG-TS clock. */
    Optional<String> renditionPlaylistKey(OrganizationId organizationId, VideoId videoId);

    /** The newest {@code ai-jobs} transcription of the video (the caller checked the video is theirs). */
    Optional<TranscriptionJob> latestTranscription(VideoId videoId);

    /** Segments of the organization's videos matching a web-style query ("exact phrase", -not, or). */
    List<SearchHit> search(OrganizationId organizationId, String query, int limit);
}
