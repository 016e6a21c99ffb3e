package io.vidcastx.core.queue;

import java.util.UUID;

/** Upload one distribution (a video to one channel) for the publisher worker. */
public record PublishJobData(UUID distributionId) {
}
