package io.vidcastx.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.vidcastx.core.testing.CoreTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class)
class StorageServiceTest {

    @Autowired
    StorageService storage;
    @Autowired
    StorageClientFactory.Clients clients;

    private static String uniqueFolder() {
        return "test/" + UUID.randomUUID() + "/";
    }

    @Test
    void bytes_round_trip_with_content_type() throws Exception {
        String key = uniqueFolder() + "hello.txt";
        storage.uploadFile(key, "hello, vidcastx".getBytes(StandardCharsets.UTF_8), "text/plain");

        try (InputStream in = storage.getFileStream(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, vidcastx");
        }
        assertThat(storage.stat(key)).hasValueSatisfying(object -> {
            assertThat(object.size()).isEqualTo(15);
            assertThat(object.contentType()).isEqualTo("text/plain");
        });
    }

    @Test
    void a_stream_of_unknown_length_round_trips_through_multipart(@TempDir Path dir) throws Exception {
        // 40 MiB with a 16 MiB part size: three parts.
        byte[] data = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(data);
        String key = uniqueFolder() + "big.bin";

        storage.uploadFile(key, new ByteArrayInputStream(data), -1, null);
        Path local = dir.resolve("nested/big.bin");
        storage.downloadFile(key, local);

        assertThat(sha256(Files.readAllBytes(local))).isEqualTo(sha256(data));
        assertThat(dir.resolve("nested")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void a_local_file_uploads_and_downloads(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-VERSION:3\n");
        String key = uniqueFolder() + "master.m3u8";

        storage.uploadFile(key, source, "application/vnd.apple.mpegurl");
        storage.downloadFile(key, dir.resolve("copy.m3u8"));

        assertThat(dir.resolve("copy.m3u8")).hasSameTextualContentAs(source);
    }

    @Test
    void a_presigned_url_takes_a_plain_http_put() throws Exception {
        String key = uniqueFolder() + "direct-upload";
        var url = storage.presignedUploadUrl(key, Duration.ofMinutes(5));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofString("uploaded by a browser")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream in = storage.getFileStream(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("uploaded by a browser");
        }
    }

    @Test
    void a_presigned_url_refuses_a_tampered_key() throws Exception {
        var url = storage.presignedUploadUrl(uniqueFolder() + "a", Duration.ofMinutes(5));
        var tampered = java.net.URI.create(url.toString().replace("/a?", "/b?"));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tampered)
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void ranged_reads_return_exactly_the_requested_bytes() throws Exception {
        String key = uniqueFolder() + "alphabet";
        storage.uploadFile(key, "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII), null);

        try (InputStream in = storage.getFileStream(key, ByteRange.of(2, 5))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("cdef");
        }
        try (InputStream in = storage.getFileStream(key, ByteRange.from(23))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("xyz");
        }
    }

    @Test
    void delete_folder_removes_two_thousand_objects_and_nothing_else() throws Exception {
        String folder = uniqueFolder();
        String neighbour = folder.substring(0, folder.length() - 1) + "-neighbour/keep.txt";
        storage.uploadFile(neighbour, new byte[] {1}, null);
        try (var pool = Executors.newFixedThreadPool(16)) {
            IntStream.range(0, 2000).forEach(i -> pool.submit(() ->
                    storage.uploadFile(folder + "seg/" + i + ".ts", new byte[] {(byte) i}, "video/mp2t")));
        }
        assertThat(storage.list(folder)).hasSize(2000);

        int deleted = storage.deleteFolder(folder);

        assertThat(deleted).isEqualTo(2000);
        assertThat(storage.list(folder)).isEmpty();
        assertThat(storage.stat(neighbour)).isPresent();
    }

    @Test
    void a_missing_object_is_reported_as_not_found() {
        String key = uniqueFolder() + "missing";
        assertThat(storage.stat(key)).isEmpty();
        assertThatThrownBy(() -> storage.getFileStream(key)).isInstanceOf(StorageObjectNotFoundException.class);
        storage.deleteFile(key); // deleting what is not there is fine, as in S3
    }

    @Test
    void delete_file_removes_the_object() {
        String key = uniqueFolder() + "gone";
        storage.uploadFile(key, new byte[] {1, 2, 3}, null);
        storage.deleteFile(key);
        assertThat(storage.stat(key)).isEmpty();
    }

    @Test
    void bad_keys_never_reach_the_server() {
        assertThatThrownBy(() -> storage.uploadFile("../escape", new byte[] {1}, null))
                .isInstanceOf(InvalidStorageKeyException.class);
        assertThatThrownBy(() -> storage.getFileStream("/absolute")).isInstanceOf(InvalidStorageKeyException.class);
        assertThatThrownBy(() -> storage.deleteFolder("hls/../")).isInstanceOf(InvalidStorageKeyException.class);
        assertThatThrownBy(() -> storage.presignedUploadUrl("a\rb", Duration.ofMinutes(1)))
                .isInstanceOf(InvalidStorageKeyException.class);
    }

    @Test
    void a_multipart_upload_joins_its_parts_in_order_and_an_aborted_one_leaves_nothing() throws Exception {
        String key = uniqueFolder() + "joined";
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(first);
        byte[] last = "the end".getBytes(StandardCharsets.UTF_8);
        String uploadId = storage.createMultipartUpload(key);
        String etag1 = storage.uploadPart(key, uploadId, 1, first, first.length);
        String etag2 = storage.uploadPart(key, uploadId, 2, last, last.length);

        storage.completeMultipartUpload(key, uploadId, java.util.List.of(
                new StorageService.UploadedPart(1, etag1, first.length), new StorageService.UploadedPart(2, etag2, last.length)));

        try (InputStream in = storage.getFileStream(key, ByteRange.from(first.length))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the end");
        }
        assertThat(storage.stat(key).orElseThrow().size()).isEqualTo(first.length + last.length);

        String abandoned = uniqueFolder() + "abandoned";
        String otherUpload = storage.createMultipartUpload(abandoned);
        storage.uploadPart(abandoned, otherUpload, 1, first, first.length);
        storage.abortMultipartUpload(abandoned, otherUpload);
        assertThat(storage.stat(abandoned)).isEmpty();
    }

    @Test
    void ensure_bucket_creates_a_missing_bucket_once() {
        String name = "extra-" + UUID.randomUUID().toString().substring(0, 8);
        var other = new StorageService(clients.client(), clients.async(), name);
        other.ensureBucket();
        other.ensureBucket();
        other.uploadFile("x", new byte[] {1}, null);
        assertThat(other.stat("x")).isPresent();
        assertThat(storage.stat("x")).isEmpty();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
