package io.vidcastx.analytics;

import java.time.Instant;
import java.time.LocalDate;

import io.vidcastx.db.ids.OrganizationId;
import org.jspecify.annotations.Nullable;

/** One player event as stored: which view, what happened, when it arrived, where the playhead was. */
record ViewEvent(LocalDate viewDay, String viewId, OrganizationId organization, String event, Instant receivedAt,
                 @Nullable Long playheadMs) {
}
