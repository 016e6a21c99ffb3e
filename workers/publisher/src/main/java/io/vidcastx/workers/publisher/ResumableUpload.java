package io.vidcastx.workers.publisher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YouTube's resumable upload protocol (Google's "resumable upload" for {@code videos.insert}): one
 * POST opens a session, PUTs of {@code Content-Range} chunks send the bytes, a 308 with {@code Range}
 * says what the server holds. After a 5xx or a dropped connection it asks the server
 * ({@code Content-Range: bytes *}{@code /total}) and resumes from there with a fresh read of the source
 * at that offset, so nothing is buffered beyond the socket: the file is streamed, never held whole.
 */
final class ResumableUpload {

    private static final Logger log = LoggerFactory.getLogger(ResumableUpload.class);
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Progress after each acknowledged chunk; false stops the upload (cancelled). */
    interface Progress {
        boolean committed(long bytes);
    }

    /** The server holds every byte: its answer is the created video resource. */
    record Finished(String responseJson) {
    }

    /** The session URL is unknown to the server (expired after about a week, or never existed). */
    static final class SessionGone extends RuntimeException {
        SessionGone(int status) {
            super("YouTube no longer knows this upload session (" + status + ")");
        }
    }

    /** The person cancelled the distribution while it was uploading. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("upload stopped");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final PublisherProperties settings;
    private final Sleeper sleeper;

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    ResumableUpload(PublisherProperties settings) {
        this(settings, duration -> Thread.sleep(duration));
    }

    ResumableUpload(PublisherProperties settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** Opens a session for {@code length} bytes with the video resource's JSON; returns the session URL. */
    String open(URI apiRoot, String accessToken, String metadataJson, long length, String contentType)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(apiRoot.resolve("upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(length))
                .header("X-Upload-Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(metadataJson, StandardCharsets.UTF_8))
                .timeout(Duration.ofMinutes(1))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw YouTubeApiError.from(response.statusCode(), response.body());
        }
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("YouTube opened an upload session without a Location"));
    }

    /**
     * Sends the bytes the server does not have yet, asking it first where it stands (so a session
     * opened by a worker that died is resumed, not restarted).
     */
    Finished upload(String session, String accessToken, ByteSource source, Progress progress, BooleanSupplier stop)
            throws IOException, InterruptedException {
        long total = source.length();
        int failures = 0;
        Status status = query(session, accessToken, total);
        while (true) {
            if (status.finished() != null) {
                return status.finished();
            }
            if (stop.getAsBoolean() || !progress.committed(status.committed())) {
                throw new Stopped();
            }
            try {
                status = sendFrom(session, accessToken, source, status.committed(), progress, stop);
                failures = 0;
            } catch (IOException e) {
                failures = backOff(++failures, e.toString());
                status = query(session, accessToken, total);
            } catch (YouTubeApiError e) {
                if (!e.retryable()) {
                    throw e;
                }
                failures = backOff(++failures, e.getMessage());
                status = query(session, accessToken, total);
            }
        }
    }

    private int backOff(int failures, String why) throws InterruptedException, IOException {
        if (failures > settings.networkRetries()) {
            throw new IOException("The upload failed " + failures + " times in a row (last: " + why + ")");
        }
        var wait = settings.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
        wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        log.info("Upload chunk failed ({}); asking YouTube where it stands after {} ms", why, wait.toMillis());
        sleeper.sleep(wait);
        return failures;
    }

    private record Status(long committed, @Nullable Finished finished) {
    }

    /** Sends chunks from {@code offset} on one sequential read of the source, until done or a chunk fails. */
    private Status sendFrom(String session, String accessToken, ByteSource source, long offset, Progress progress,
                            BooleanSupplier stop) throws IOException, InterruptedException {
        long total = source.length();
        try (InputStream in = source.openAt(offset)) {
            long position = offset;
            while (true) {
                long length = Math.min(settings.chunkBytes(), total - position);
                var chunk = new BoundedStream(in, length);
                var request = HttpRequest.newBuilder(URI.create(session))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Range", "bytes " + position + "-" + (position + length - 1) + "/" + total)
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> chunk),
                                length))
                        .timeout(Duration.ofMinutes(10))
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                var status = interpret(response);
                if (status.finished() != null) {
                    return status;
                }
                if (status.committed() != position + length) {
                    // The server kept less than was sent: re-read the source from where it stands.
                    return status;
                }
                position = status.committed();
                if (stop.getAsBoolean() || !progress.committed(position)) {
                    throw new Stopped();
                }
            }
        }
    }

    private Status query(String session, String accessToken, long total) throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(session))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Range", "bytes */" + total)
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMinutes(1))
                        .build(), HttpResponse.BodyHandlers.ofString());
                return interpret(response);
            } catch (IOException e) {
                failures = backOff(++failures, e.toString());
            } catch (YouTubeApiError e) {
                if (!e.retryable()) {
                    throw e;
                }
                failures = backOff(++failures, e.getMessage());
            }
        }
    }

    private static Status interpret(HttpResponse<String> response) {
        int code = response.statusCode();
        if (code == 200 || code == 201) {
            return new Status(-1, new Finished(response.body()));
        }
        if (code == 308) {
            var range = response.headers().firstValue("Range").map(RANGE::matcher);
            return new Status(range.isPresent() && range.get().matches() ? Long.parseLong(range.get().group(1)) + 1 : 0,
                    null);
        }
        if (code == 404 || code == 410) {
            throw new SessionGone(code);
        }
        throw YouTubeApiError.from(code, response.body());
    }

    /** At most {@code limit} bytes of a stream that goes on; closing it leaves the underlying stream open. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the next chunk goes on reading the same source
        }
    }
}
