package io.vidcastx.uploads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploads ({@code vidcastx.uploads.*}).
 *
 * @param maxSize         the largest file an organization may upload unless it has its own limit
 * @param expireAfter     an unfinished upload with no activity for this long is removed
 * @param partSize        S3 part size; also the memory one upload request uses (at least 5 MiB)
 * @param directTimeout   default life of a Mux-style direct upload URL
 * @param cleanupInterval how often expired uploads are looked for
 */
@ConfigurationProperties("vidcastx.uploads")
public record UploadProperties(
        @DefaultValue("50GB") DataSize maxSize,
        @DefaultValue("24h") Duration expireAfter,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("1h") Duration directTimeout,
        @DefaultValue("5m") Duration cleanupInterval) {

    public UploadProperties {
        if (partSize.toBytes() < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("vidcastx.uploads.part-size must be at least 5MB (the S3 minimum)");
        }
    }
}
