package io.vidcastx.core.storage;

import java.util.Objects;

import io.vidcastx.core.embedded.EmbeddedServers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage client for the configured S3 endpoint or the embedded one; the bucket is created if missing. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    public StorageClientFactory.Clients storageClients(StorageProperties properties, EmbeddedServers embedded) {
        if (properties.isExternal()) {
            return StorageClientFactory.create(Objects.requireNonNull(properties.endpoint()), properties.region(),
                    Objects.requireNonNull(properties.accessKey(), "vidcastx.s3.access-key is required"),
                    Objects.requireNonNull(properties.secretKey(), "vidcastx.s3.secret-key is required"),
                    properties.pathStyle());
        }
        var s3 = embedded.s3();
        return StorageClientFactory.create(s3.endpoint(), io.vidcastx.core.embedded.EmbeddedS3Server.REGION,
                s3.accessKey(), s3.secretKey(), true);
    }

    @Bean
    public StorageService storageService(StorageClientFactory.Clients clients, StorageProperties properties) {
        var storage = new StorageService(clients.client(), clients.async(), properties.bucket());
        storage.ensureBucket();
        return storage;
    }
}
