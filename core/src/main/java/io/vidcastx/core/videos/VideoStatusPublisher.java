package io.vidcastx.core.videos;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Announces {@link VideoStatusMessage}s to every app instance over Redis pub/sub. Advisory: the
 * database already holds the status, so a failed publish is dropped rather than failing the job.
 */
public class VideoStatusPublisher {

    private final StatefulRedisConnection<String, String> redis;

    public VideoStatusPublisher(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public void publish(VideoStatusMessage message) {
        try {
            redis.async().publish(VideoStatusMessage.CHANNEL, VideoStatusCodec.encode(message));
        } catch (RuntimeException e) {
            // advisory only: open pages catch up at their next change or reload
        }
    }
}
