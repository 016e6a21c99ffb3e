package io.vidcastx.core.queue;

import java.time.OffsetDateTime;

import io.vidcastx.db.ids.JobId;
import org.jspecify.annotations.Nullable;

/** The PostgreSQL record of one job, as the UI and tests see it. */
public record Job(JobId id, String queue, String payloadJson, JobStatus status, int attempts, int maxAttempts,
                  int progress, @Nullable String lastError, OffsetDateTime runAt, OffsetDateTime createdAt,
                  @Nullable OffsetDateTime completedAt) {

    public boolean isDelayed() {
        return status == JobStatus.WAITING && runAt.isAfter(OffsetDateTime.now());
    }
}
