package io.vidcastx.core.youtube;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jspecify.annotations.Nullable;

/** One video published (or being published) to one channel. */
public record Distribution(UUID id, OrganizationId organizationId, VideoId videoId, String destination, String channelId,
                           DistributionStatus status, int progress, PublishRequest request,
                           @Nullable String uploadSessionUrl, long uploadedBytes, @Nullable Long totalBytes,
                           @Nullable String externalId, @Nullable String url, @Nullable String error,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
