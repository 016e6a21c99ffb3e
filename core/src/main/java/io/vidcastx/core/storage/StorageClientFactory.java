package io.vidcastx.core.storage;

import java.time.Duration;

import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/** Builds MinIO clients for any S3-compatible endpoint from plain settings. */
public final class StorageClientFactory {

    private StorageClientFactory() {
    }

    public static MinioClient create(String endpoint, String region, String accessKey, String secretKey,
                                     boolean pathStyle) {
        // Segment uploads and ranged reads are long-lived; OkHttp's 10 s defaults cut large parts short.
        var http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(5))
                .writeTimeout(Duration.ofMinutes(5))
                .build();
        var client = MinioClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .httpClient(http, true)
                .build();
        if (pathStyle) {
            client.disableVirtualStyleEndpoint();
        } else {
            client.enableVirtualStyleEndpoint();
        }
        return client;
    }
}
