package io.vidcastx.videos;

import java.time.OffsetDateTime;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** One row of the videos list; {@code signed} when its playback id needs a token. */
public record VideoListItem(VideoId id, String title, VideoStatus status, int progress,
                            @Nullable Double durationSeconds, @Nullable Integer width, @Nullable Integer height,
                            @Nullable String errorReason, OffsetDateTime createdAt, String playbackId, boolean signed) {
}
