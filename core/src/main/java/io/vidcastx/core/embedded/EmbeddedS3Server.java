package io.vidcastx.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible endpoint (S3Proxy: SigV4, presigned URLs, multipart, Range) storing objects as
 * plain files under {@code <dataDir>/s3}. The credentials are local-only and generated per data dir.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, String endpoint, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3Server start(Path directory, String accessKey, String secretKey) {
        try {
            Files.createDirectories(directory);
            var endpoint = "http://127.0.0.1:" + FreePorts.next();
            var proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                    .endpoint(URI.create(endpoint))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    // Whole rendition files and large multipart parts pass through here.
                    .maxSinglePartObjectSize(5L * 1024 * 1024 * 1024)
                    .build();
            proxy.start();
            return new EmbeddedS3Server(proxy, endpoint, accessKey, secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded S3 in " + directory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded S3 in " + directory, e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop embedded S3", e);
        }
    }
}
