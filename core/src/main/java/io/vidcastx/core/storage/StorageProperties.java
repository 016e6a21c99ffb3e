package io.vidcastx.core.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * S3-compatible storage ({@code VIDCASTX_S3_*}). Without an endpoint the embedded S3 server is used.
 *
 * @param pathStyle address buckets as {@code endpoint/bucket/key} (MinIO, S3Proxy) rather than as
 *                  virtual hosts ({@code bucket.endpoint/key}, AWS)
 */
@ConfigurationProperties("vidcastx.s3")
public record StorageProperties(
        @Nullable String endpoint,
        @DefaultValue("us-east-1") String region,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("vidcastx") String bucket,
        @DefaultValue("true") boolean pathStyle) {

    public boolean isExternal() {
        return endpoint != null && !endpoint.isBlank();
    }
}
