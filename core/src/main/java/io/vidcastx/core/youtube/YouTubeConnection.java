package io.vidcastx.core.youtube;

import java.time.OffsetDateTime;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/** An organization's connected YouTube channel, as the dashboard shows it (no tokens). */
public record YouTubeConnection(OrganizationId organizationId, String channelId, String channelTitle,
                                @Nullable String channelThumbnailUrl, boolean needsReconnect,
                                @Nullable String statusReason, OffsetDateTime connectedAt) {
}
