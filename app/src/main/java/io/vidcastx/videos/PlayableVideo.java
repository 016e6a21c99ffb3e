package io.vidcastx.videos;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** What playback endpoints need to know about the video behind a playback id. */
public record PlayableVideo(VideoId id, OrganizationId organizationId, VideoStatus status,
                            @Nullable Double durationSeconds, @Nullable Integer width, @Nullable Integer height) {
}
