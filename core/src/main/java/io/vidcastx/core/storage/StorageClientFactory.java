package io.vidcastx.core.storage;

import java.time.Duration;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/** Builds MinIO clients for any S3-compatible endpoint from plain settings. */
public final class StorageClientFactory {

    private StorageClientFactory() {
    }

    /** The client pair: blocking calls, and the async client whose multipart API is public. */
    public record Clients(MinioClient client, MinioAsyncClient async) {
    }

    public static Clients create(String endpoint, String region, String accessKey, String secretKey,
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
        var async = MinioAsyncClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .httpClient(http, true)
                .build();
        if (pathStyle) {
            client.disableVirtualStyleEndpoint();
            async.disableVirtualStyleEndpoint();
        } else {
            client.enableVirtualStyleEndpoint();
            async.enableVirtualStyleEndpoint();
        }
        return new Clients(client, async);
    }
}
