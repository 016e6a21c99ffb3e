package io.vidcastx.playback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pictures cut on request ({@code vidcastx.thumbnails.*}).
 *
 * @param concurrency     pictures made at once by one app process (FFmpeg runs and resizes)
 * @param queueWait       how long a request waits for a free slot before 503 with Retry-After
 * @param cacheMaxObjects cached pictures kept per video; the oldest go first
 * @param cacheMaxSize    bytes of cached pictures kept per video
 */
@ConfigurationProperties("vidcastx.thumbnails")
record ThumbnailProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("3s") Duration queueWait,
        @DefaultValue("200") int cacheMaxObjects,
        @DefaultValue("32MB") DataSize cacheMaxSize) {

    ThumbnailProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("vidcastx.thumbnails.concurrency must be at least 1");
        }
    }
}
