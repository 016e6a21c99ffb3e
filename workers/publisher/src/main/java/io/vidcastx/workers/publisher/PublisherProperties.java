package io.vidcastx.workers.publisher;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the publisher worker uploads.
 *
 * @param concurrency        uploads one worker process runs at a time
 * @param chunkBytes         bytes per PUT; a multiple of 256 KiB as YouTube requires (the last chunk may be shorter)
 * @param networkRetries     consecutive failed chunks (5xx or connection errors) retried before the job gives up
 *                           (the queue then retries the job later, resuming the same session)
 * @param firstBackoff       wait after the first failure; doubles each time, at most a minute
 * @param processingPoll     how often YouTube is asked whether it has processed the upload
 * @param processingTimeout  how long to wait for processing before leaving it "processing" for a later retry
 */
@ConfigurationProperties("vidcastx.publisher")
public record PublisherProperties(
        @DefaultValue("1") int concurrency,
        @DefaultValue("8388608") int chunkBytes,
        @DefaultValue("6") int networkRetries,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("5s") Duration processingPoll,
        @DefaultValue("30m") Duration processingTimeout) {

    public static final int CHUNK_GRANULE = 256 * 1024;

    public PublisherProperties {
        if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULE != 0) {
            throw new IllegalArgumentException("vidcastx.publisher.chunk-bytes must be a positive multiple of 262144 "
                    + "(256 KiB), as YouTube's resumable upload requires");
        }
        if (concurrency < 1 || networkRetries < 0) {
            throw new IllegalArgumentException("vidcastx.publisher.concurrency must be >= 1 and network-retries >= 0");
        }
    }
}
