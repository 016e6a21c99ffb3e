package io.vidcastx.core.dubbing;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.db.ids.AudioTrackId;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/**
 * One dubbed language of a video.
 *
 * @param folder where its HLS rendition is, relative to the master; null until the first dub is ready
 * @param error  why the last dub failed, for the video page; null when it did not
 * @param note   what a person should know about the finished dub (say, why it has no subtitles); null when nothing
 */
public record AudioTrack(AudioTrackId id, OrganizationId organizationId, VideoId videoId, String language, String name,
                         DubbingProvider provider, @Nullable String voice, boolean keepBackground,
                         AudioTrackStatus status, int progress, @Nullable String error, @Nullable String folder,
                         @Nullable JobId jobId, OffsetDateTime updatedAt, @Nullable String note) {

    /** Mux's track object ({@code type: audio}) for the API and the {@code video.asset.track.ready} event. */
    public Map<String, Object> muxTrack() {
        var data = new LinkedHashMap<String, Object>();
        data.put("type", "audio");
        data.put("id", id.toString());
        data.put("language_code", language);
        data.put("name", name);
        data.put("status", status.db());
        data.put("primary", false);
        data.put("generated", Map.of("provider", provider.db()));
        data.put("asset_id", videoId.toString());
        if (status == AudioTrackStatus.PREPARING) {
            data.put("progress", progress);
        }
        if (error != null) {
            data.put("error", Map.of("type", "dubbing_failed", "messages", java.util.List.of(error)));
        }
        return data;
    }
}
