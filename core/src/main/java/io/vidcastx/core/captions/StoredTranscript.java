package io.vidcastx.core.captions;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.TranscriptId;
import io.vidcastx.db.ids.VideoId;

/**
 * A transcript row: one language of one video.
 *
 * @param model        the Whisper model file that made it, or the uploaded file's name
 * @param source       {@code whisper} or {@code upload}
 * @param edited       changed by hand since it was made
 * @param mpegtsOffset the video's first MPEG-TS timestamp (90 kHz), written as X-TIMESTAMP-MAP
 */
public record StoredTranscript(TranscriptId id, OrganizationId organizationId, VideoId videoId, String language,
                               String name, String model, String source, boolean edited, long mpegtsOffset,
                               long version, OffsetDateTime updatedAt) {

    /** The track in Mux's shape, as {@code video.asset.track.ready} webhooks carry it. */
    public Map<String, Object> muxTrack() {
        var data = new LinkedHashMap<String, Object>();
        data.put("type", "text");
        data.put("text_type", "subtitles");
        data.put("text_source", source.equals("upload") ? "uploaded" : "generated_vod");
        data.put("language_code", language);
        data.put("name", name);
        data.put("status", "ready");
        data.put("id", id.toString());
        data.put("asset_id", videoId.toString());
        return data;
    }
}
