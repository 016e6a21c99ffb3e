package io.vidcastx.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.vidcastx.videos.PlaybackIdInfo;
import org.jspecify.annotations.Nullable;

/**
 * A live stream as the API and dashboard show it (never its key: see {@link LiveStreamService#revealKey}).
 *
 * @param status          {@code idle}, {@code active} or {@code disabled}
 * @param recordingPolicy playback policy of the recordings' assets; null when recordings are not kept
 * @param activeAssetId   the recording of the session in progress
 * @param recentAssetIds  recordings of past sessions, newest first
 * @param health          the ingest's figures while a publisher is connected
 */
public record LiveStream(UUID id, String status, @Nullable String recordingPolicy, int reconnectWindowSeconds,
                         List<PlaybackIdInfo> playbackIds, @Nullable UUID activeAssetId, List<UUID> recentAssetIds,
                         @Nullable String lastRefusal, @Nullable OffsetDateTime lastRefusedAt,
                         @Nullable OffsetDateTime connectedSince, @Nullable Health health, OffsetDateTime createdAt) {

    /** Ingest health, from the node holding the publisher. */
    public record Health(@Nullable Integer videoKbps, @Nullable Double frameRate, @Nullable Integer width,
                         @Nullable Integer height, @Nullable Long droppedFrames) {
    }

    public boolean isActive() {
        return status.equals("active");
    }
}
