package io.vidcastx.core.youtube;

import java.util.Optional;
import java.util.UUID;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;

/**
 * A distribution moved (status or upload percentage): what the publisher worker announces on
 * {@link #CHANNEL} and each app instance relays to the open video pages. Only ids and the status
 * travel; pages read the rest (reason, link) from PostgreSQL, which holds the truth.
 */
public record DistributionStatusMessage(OrganizationId organizationId, VideoId videoId, UUID distributionId,
                                        DistributionStatus status, int progress) {

    public static final String CHANNEL = "vidcastx:distribution-status";

    public String encode() {
        return organizationId + " " + videoId + " " + distributionId + " " + status.wire() + " " + progress;
    }

    public static Optional<DistributionStatusMessage> decode(String text) {
        var parts = text.split(" ");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DistributionStatusMessage(OrganizationId.parse(parts[0]), VideoId.parse(parts[1]),
                    UUID.fromString(parts[2]), DistributionStatus.fromWire(parts[3]), Integer.parseInt(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
