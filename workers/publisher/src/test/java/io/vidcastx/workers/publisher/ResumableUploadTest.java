package io.vidcastx.workers.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resumable upload protocol against a local server speaking YouTube's, with connections cut on purpose. */
class ResumableUploadTest {

    private static final long SIZE = 30L * 1024 * 1024 + 12_345; // 30 MB and a ragged last chunk
    private static final String TOKEN = "ya29.test";
    private static final String METADATA = "{\"snippet\":{\"title\":\"Launch\"},\"status\":{\"privacyStatus\":\"private\"}}";

    @TempDir
    static Path dir;
    static Path file;
    static String sha256;

    ResumableUploadStub stub;
    final List<Duration> waits = new ArrayList<>();
    final PublisherProperties settings = new PublisherProperties(1, 4 * 1024 * 1024, 4, Duration.ofMillis(10),
            Duration.ofMillis(10), Duration.ofSeconds(5));

    @BeforeEach
    void start() throws Exception {
        if (file == null) {
            file = dir.resolve("video.mp4");
            var random = new Random(42);
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 20];
            try (var out = Files.newOutputStream(file)) {
                for (long left = SIZE; left > 0; left -= block.length) {
                    random.nextBytes(block);
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    digest.update(block, 0, n);
                }
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        stub = new ResumableUploadStub();
    }

    @AfterEach
    void stop() throws IOException {
        stub.close();
    }

    @Test
    void cutTwiceMidChunkTheUploadResumesFromTheReportedOffsetAndArrivesIntact() throws Exception {
        stub.cutsAt.add(5_000_000L);
        stub.cutsAt.add(17_777_777L);
        var upload = new ResumableUpload(settings, waits::add);
        String session = upload.open(URI.create(stub.root()), TOKEN, METADATA, SIZE, "video/mp4");
        var progress = new ArrayList<Long>();

        var finished = upload.upload(session, TOKEN, source(), bytes -> progress.add(bytes) || true, () -> false);

        assertThat(finished.responseJson()).contains("\"id\":\"dQw4w9WgXcQ\"");
        assertThat(stub.received()).isEqualTo(SIZE);
        assertThat(stub.sha256()).isEqualTo(sha256);
        // After each cut: one status query, then the next chunk starts exactly where the server stood.
        assertThat(stub.requests).filteredOn(line -> line.contains("bytes */" + SIZE)).hasSize(3); // 1 at start, 2 after cuts
        assertThat(stub.requests).anyMatch(line -> line.contains("bytes 5000000-"))
                .anyMatch(line -> line.contains("bytes 17777777-"));
        assertThat(stub.requests).filteredOn(line -> line.startsWith("PUT") && !line.contains("*/"))
                .allSatisfy(line -> {
                    var range = line.substring(line.indexOf("bytes ") + 6, line.indexOf('/', line.indexOf("bytes ")));
                    long first = Long.parseLong(range.split("-")[0]);
                    long last = Long.parseLong(range.split("-")[1]);
                    assertThat(last + 1 == SIZE || (last - first + 1) % (256 * 1024) == 0)
                            .as("chunk %s is a multiple of 256 KiB or the last one", range).isTrue();
                });
        assertThat(waits).hasSize(2);
        assertThat(progress).isNotEmpty().isSorted();
    }

    @Test
    void anotherUploaderWithOnlyTheSessionUrlResumesInsteadOfStartingOver() throws Exception {
        var first = new ResumableUpload(settings, waits::add);
        String session = first.open(URI.create(stub.root()), TOKEN, METADATA, SIZE, "video/mp4");
        // The first worker dies after 12 MiB (its progress callback is the last thing it does).
        assertThatThrownBy(() -> first.upload(session, TOKEN, source(), bytes -> bytes < 12L * 1024 * 1024, () -> false))
                .isInstanceOf(ResumableUpload.Stopped.class);
        long before = stub.received();
        assertThat(before).isEqualTo(12L * 1024 * 1024);
        int requestsBefore = stub.requests.size();

        var finished = new ResumableUpload(settings, waits::add).upload(session, TOKEN, source(), bytes -> true, () -> false);

        assertThat(finished.responseJson()).contains("dQw4w9WgXcQ");
        assertThat(stub.sha256()).isEqualTo(sha256);
        var after = stub.requests.subList(requestsBefore, stub.requests.size());
        assertThat(after.getFirst()).contains("bytes */" + SIZE);
        assertThat(after.get(1)).contains("bytes " + before + "-");
        assertThat(after).noneMatch(line -> line.contains("bytes 0-"));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenTheUploadCompletes() throws Exception {
        stub.failNextChunk.add(new String[] {"503", "{\"error\":{\"code\":503,\"message\":\"Backend Error\",\"errors\":[{\"reason\":\"backendError\"}]}}"});
        stub.failNextChunk.add(new String[] {"500", "{\"error\":{\"code\":500,\"message\":\"Internal\",\"errors\":[{\"reason\":\"internalError\"}]}}"});
        var upload = new ResumableUpload(settings, waits::add);
        String session = upload.open(URI.create(stub.root()), TOKEN, METADATA, SIZE, "video/mp4");
        upload.upload(session, TOKEN, source(), bytes -> true, () -> false);
        assertThat(stub.sha256()).isEqualTo(sha256);
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void quotaExceededFailsAtOnceWithItsReasonAndNoRetries() throws Exception {
        stub.openError = "{\"error\":{\"code\":403,\"message\":\"The request cannot be completed because you have exceeded "
                + "your quota.\",\"errors\":[{\"message\":\"quota\",\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}";
        var upload = new ResumableUpload(settings, waits::add);
        assertThatThrownBy(() -> upload.open(URI.create(stub.root()), TOKEN, METADATA, SIZE, "video/mp4"))
                .isInstanceOfSatisfying(YouTubeApiError.class, error -> {
                    assertThat(error.retryable()).isFalse();
                    assertThat(error.reason()).isEqualTo("quotaExceeded");
                    assertThat(error.getMessage()).contains("quota").contains("midnight Pacific");
                });
        assertThat(stub.requests).hasSize(1);
    }

    @Test
    void aRefusedChunkGivesItsReasonWithoutARetryStorm() throws Exception {
        stub.failNextChunk.add(new String[] {"403", "{\"error\":{\"code\":403,\"message\":\"The user has exceeded the number "
                + "of videos they may upload.\",\"errors\":[{\"reason\":\"uploadLimitExceeded\"}]}}"});
        var upload = new ResumableUpload(settings, waits::add);
        String session = upload.open(URI.create(stub.root()), TOKEN, METADATA, SIZE, "video/mp4");
        assertThatThrownBy(() -> upload.upload(session, TOKEN, source(), bytes -> true, () -> false))
                .isInstanceOfSatisfying(YouTubeApiError.class, error ->
                        assertThat(error.getMessage()).contains("cannot take more uploads").contains("uploadLimitExceeded"));
        assertThat(stub.chunkRequests()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRevokedTokenAsksForAReconnect() {
        var error = YouTubeApiError.from(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\","
                + "\"errors\":[{\"reason\":\"authError\"}]}}");
        assertThat(error.tokenRejected()).isTrue();
        assertThat(error.retryable()).isFalse();
        assertThat(error.getMessage()).contains("connect YouTube again");
        var metadata = YouTubeApiError.from(400, "{\"error\":{\"code\":400,\"message\":\"The request metadata specifies an "
                + "invalid video title.\",\"errors\":[{\"reason\":\"invalidTitle\"}]}}");
        assertThat(metadata.retryable()).isFalse();
        assertThat(metadata.getMessage()).contains("invalidTitle").contains("invalid video title");
    }

    private static ByteSource source() {
        return new ByteSource() {
            @Override
            public long length() {
                return SIZE;
            }

            @Override
            public InputStream openAt(long offset) throws IOException {
                var channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return Channels.newInputStream(channel);
            }
        };
    }
}
