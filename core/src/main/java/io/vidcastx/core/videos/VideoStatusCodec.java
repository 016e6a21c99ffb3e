package io.vidcastx.core.videos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of {@link VideoStatusMessage}, used by the publishing workers and the subscribing
 * app alike: a JSON object {@code {"organization_id", "video_id", "status", "progress"}}. Decoding is
 * strict: a message with a missing, extra or ill-typed field is refused as a whole, never half read.
 */
public final class VideoStatusCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("organization_id", "video_id", "status", "progress");

    private VideoStatusCodec() {
    }

    public static String encode(VideoStatusMessage message) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("organization_id", message.organizationId().toString());
        fields.put("video_id", message.videoId().toString());
        fields.put("status", message.status().dbValue());
        fields.put("progress", message.progress());
        return JSON.writeValueAsString(fields);
    }

    /** The message, or empty when {@code text} is not one (malformed, or from an unknown sender). */
    public static Optional<VideoStatusMessage> decode(String text) {
        try {
            var fields = JSON.readValue(text, Map.class);
            if (!fields.keySet().equals(FIELDS)
                    || !(fields.get("organization_id") instanceof String organization)
                    || !(fields.get("video_id") instanceof String video)
                    || !(fields.get("status") instanceof String status)
                    || !(fields.get("progress") instanceof Integer progress)) {
                return Optional.empty();
            }
            return Optional.of(new VideoStatusMessage(OrganizationId.parse(organization), VideoId.parse(video),
                    VideoStatus.fromDb(status), progress));
        } catch (JacksonException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
