package io.vidcastx.workers.transcode;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.workers.transcode.TranscodeVideoRepository.VideoToTranscode;
import org.springframework.stereotype.Component;

/**
 * Tells every app instance, over Redis pub/sub, that a video's status or progress changed, so open
 * dashboards update without a reload. PostgreSQL already holds the same facts; a lost message only
 * delays a display.
 */
@Component
class VideoProgressPublisher {

    /** Messages are {@code <organizationId> <videoId> <status> <percent>}. */
    static final String CHANNEL = "vidcastx:video-status";

    private final StatefulRedisConnection<String, String> redis;

    VideoProgressPublisher(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    void publish(VideoToTranscode video, String status, int percent) {
        try {
            redis.async().publish(CHANNEL, video.organizationId() + " " + video.id() + " " + status + " " + percent);
        } catch (RuntimeException e) {
            // advisory only
        }
    }
}
