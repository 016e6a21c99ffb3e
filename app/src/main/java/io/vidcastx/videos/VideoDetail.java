package io.vidcastx.videos;

import java.time.OffsetDateTime;
import java.util.List;

import io.vidcastx.core.videos.AssetPayload;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** Everything the video page shows. */
public record VideoDetail(VideoId id, long version, String title, @Nullable String description, VideoStatus status,
                          int progress, @Nullable String errorReason, String playbackId, String playbackPolicy,
                          @Nullable Double durationSeconds, @Nullable Integer width, @Nullable Integer height,
                          @Nullable String aspectRatio, @Nullable Double frameRate, @Nullable Long sizeBytes,
                          OffsetDateTime createdAt, @Nullable OffsetDateTime readyAt, List<Rendition> renditions) {

    /** One stored rendition. */
    public record Rendition(String name, String kind, @Nullable Integer width, @Nullable Integer height,
                            @Nullable Integer bandwidth) {
    }

    public boolean isSigned() {
        return "signed".equals(playbackPolicy);
    }

    /** This video as Mux shows an asset (the API's answers and {@code video.asset.updated}). */
    public AssetPayload asset(List<PlaybackIdInfo> playbackIds) {
        return AssetPayload.of(id, status)
                .createdAt(createdAt)
                .playbackIds(playbackIds.stream().map(p -> new AssetPayload.PlaybackId(p.id(), p.policy())).toList())
                .meta(title, description)
                .duration(durationSeconds)
                .picture(width, height, frameRate)
                .error(errorReason);
    }
}
