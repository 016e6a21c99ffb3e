package io.vidcastx.core.videos;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vidcastx.core.media.PictureSize;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/**
 * A video as Mux shows an asset: the one place that knows the shape, for the API's responses and
 * for the {@code data} of {@code video.asset.*} webhooks. Each caller gives what it knows; the
 * rules (status names, which fields a status carries, rounding) are applied here.
 */
public final class AssetPayload {

    /** A playback ID with its policy ({@code public} or {@code signed}). */
    public record PlaybackId(String id, String policy) {
    }

    /** A stored rendition as webhooks list it. */
    public record Rendition(String name, @Nullable Long bandwidth) {
    }

    private final VideoId id;
    private final VideoStatus status;
    private @Nullable OffsetDateTime createdAt;
    private List<PlaybackId> playbackIds = List.of();
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable UploadId uploadId;
    private @Nullable Double durationSeconds;
    private @Nullable Integer width;
    private @Nullable Integer height;
    private @Nullable Double frameRate;
    private @Nullable Integer audioChannels;
    private @Nullable List<Rendition> renditions;
    private @Nullable String error;

    private AssetPayload(VideoId id, VideoStatus status) {
        this.id = id;
        this.status = status;
    }

    public static AssetPayload of(VideoId id, VideoStatus status) {
        return new AssetPayload(id, status);
    }

    /** Mux's name of a status: an asset is {@code preparing}, {@code ready} or {@code errored}. */
    public static String muxStatus(VideoStatus status) {
        return switch (status) {
            case PROCESSING -> "preparing";
            case READY -> "ready";
            case FAILED -> "errored";
        };
    }

    public AssetPayload createdAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public AssetPayload playbackIds(List<PlaybackId> playbackIds) {
        this.playbackIds = List.copyOf(playbackIds);
        return this;
    }

    /** Mux's {@code meta}: the title and, when there is one, the description. */
    public AssetPayload meta(String title, @Nullable String description) {
        this.title = title;
        this.description = description;
        return this;
    }

    public AssetPayload uploadId(@Nullable UploadId uploadId) {
        this.uploadId = uploadId;
        return this;
    }

    public AssetPayload duration(@Nullable Double seconds) {
        this.durationSeconds = seconds;
        return this;
    }

    /** The picture, when the source has one (width and height both known). */
    public AssetPayload picture(@Nullable Integer width, @Nullable Integer height, @Nullable Double frameRate) {
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        return this;
    }

    public AssetPayload audio(int channels) {
        this.audioChannels = channels;
        return this;
    }

    public AssetPayload renditions(List<Rendition> renditions) {
        this.renditions = List.copyOf(renditions);
        return this;
    }

    /** Why the video failed; shown only on a failed asset. */
    public AssetPayload error(@Nullable String reason) {
        this.error = reason;
        return this;
    }

    public Map<String, Object> build() {
        var asset = new LinkedHashMap<String, Object>();
        asset.put("id", id.toString());
        asset.put("status", muxStatus(status));
        if (createdAt != null) {
            asset.put("created_at", String.valueOf(createdAt.toEpochSecond()));
        }
        asset.put("playback_ids", playbackIds.stream()
                .map(p -> Map.of("id", p.id(), "policy", p.policy())).toList());
        if (title != null) {
            asset.put("meta", description == null ? Map.of("title", title)
                    : Map.of("title", title, "description", description));
        }
        if (uploadId != null) {
            asset.put("upload_id", uploadId.toString());
        }
        if (durationSeconds != null) {
            asset.put("duration", durationSeconds);
        }
        var tracks = new ArrayList<Map<String, Object>>();
        if (width != null && height != null) {
            asset.put("aspect_ratio", PictureSize.aspectRatio(width, height));
            asset.put("max_stored_resolution", PictureSize.tier(width, height));
            var track = new LinkedHashMap<String, Object>();
            track.put("type", "video");
            track.put("max_width", width);
            track.put("max_height", height);
            if (frameRate != null) {
                asset.put("max_stored_frame_rate", rounded(frameRate));
                track.put("max_frame_rate", rounded(frameRate));
            }
            tracks.add(track);
        } else if (status == VideoStatus.READY) {
            asset.put("max_stored_resolution", "Audio only");
        }
        if (audioChannels != null) {
            tracks.add(Map.of("type", "audio", "max_channels", Math.min(audioChannels, 2)));
        }
        // Mux lists tracks once the asset is ready: before, they are not known for sure.
        if (status == VideoStatus.READY) {
            asset.put("tracks", tracks);
        }
        if (renditions != null) {
            asset.put("renditions", renditions.stream().map(AssetPayload::rendition).toList());
        }
        if (status == VideoStatus.FAILED && error != null) {
            asset.put("errors", Map.of("type", "invalid_input", "messages", List.of(error)));
        }
        return asset;
    }

    private static Map<String, Object> rendition(Rendition rendition) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", rendition.name());
        if (rendition.bandwidth() != null) {
            fields.put("bandwidth", rendition.bandwidth());
        }
        return fields;
    }

    private static double rounded(double frameRate) {
        return Math.round(frameRate * 1000) / 1000.0;
    }
}
