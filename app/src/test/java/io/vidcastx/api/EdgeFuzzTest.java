package io.vidcastx.api;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random requests against every public endpoint (the API with a key, streams, pictures, the embed
 * page, both upload protocols, the OpenAPI document, the sign-in page): random path segments, query
 * values, headers and JSON bodies, from a fixed seed (printed; {@code -Dvidcastx.fuzz.seed=...}
 * replays another). Any 5xx fails the test with the requests that caused it.
 */
class EdgeFuzzTest extends AppTestSupport {

    private static final long SEED = Long.getLong("vidcastx.fuzz.seed", 20261201L);
    private static final int REQUESTS = 400;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final List<String> authorizations = new ArrayList<>();
    private String assetId;
    private String publicId;
    private String signedId;
    private String uploadId;

    @Test
    void no_random_request_to_a_public_endpoint_gets_a_server_error() throws Exception {
        System.out.println("EdgeFuzzTest seed: " + SEED + " (replay with -Dvidcastx.fuzz.seed=" + SEED + ")");
        fixtures();
        var failures = new ArrayList<String>();
        var statuses = new java.util.TreeMap<Integer, Integer>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            var request = nextRequest(i);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                failures.add("#" + i + " " + describe(request) + " -> connection failed: " + e);
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add("#" + i + " " + describe(request) + " -> " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        System.out.printf("EdgeFuzzTest: %d requests in %.1f s, answers by status: %s%n", REQUESTS,
                (System.nanoTime() - started) / 1e9, statuses);
        assertThat(failures).as("server errors (seed " + SEED + ")").isEmpty();
    }

    private void fixtures() throws Exception {
        // An organization of its own: the dashboard's pages in other tests list the owner's videos.
        OrganizationId organization = io.vidcastx.testing.TestData.organization(dsl, "Fuzz");
        // The API allows 40 calls a minute per key in tests: a key per 30 requests keeps the fuzz past the limiter.
        for (int i = 0; i < REQUESTS / 30 + 1; i++) {
            var key = apiKeys.create(organization, "fuzz " + i);
            authorizations.add(HttpTestClient.basicAuthorization(key.tokenId(), key.secret()));
        }
        Path mp4 = dir.resolve("highest.mp4");
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=160x90:rate=10:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename",
                dir.resolve("segment_%03d.ts").toString(), dir.resolve("index.m3u8").toString()), dir,
                Duration.ofMinutes(1), null, () -> false);
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=160x90:rate=10:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                mp4.toString()), dir, Duration.ofMinutes(1), null, () -> false);
        publicId = video(organization, "public", mp4);
        signedId = video(organization, "signed", mp4);
        assetId = dsl.select(VIDEOS.VIDEO_ID).from(VIDEOS).where(VIDEOS.PLAYBACK_ID.eq(publicId)).fetchSingle().value1().toString();
        var upload = http.send(HttpRequest.newBuilder(URI.create(base() + "/video/v1/uploads"))
                .header("Authorization", authorizations.get(0)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cors_origin\": \"https://fuzz.example\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        uploadId = upload.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private String video(OrganizationId organization, String policy, Path mp4) throws Exception {
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segment_")
                    || f.getFileName().toString().equals("index.m3u8")).toList()) {
                storage.uploadFile(StorageKeys.hlsFile(id, "360p/" + file.getFileName()), file, null);
            }
        }
        storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000,"
                + "RESOLUTION=160x90\n360p/index.m3u8\n").getBytes(StandardCharsets.UTF_8), null);
        storage.uploadFile(StorageKeys.mp4Folder(id) + "highest.mp4", mp4, "video/mp4");
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization).set(VIDEOS.TITLE, "fuzz")
                .set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId).set(VIDEOS.PLAYBACK_POLICY, policy)
                .set(VIDEOS.WIDTH, 160).set(VIDEOS.HEIGHT, 90).set(VIDEOS.DURATION_SECONDS, 3.0).execute();
        return playbackId;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    // ---- request generation -------------------------------------------------------------------------

    private static final String[][] ENDPOINTS = {
            {"GET", "/video/v1/assets"}, {"GET", "/video/v1/assets/{asset}"}, {"PATCH", "/video/v1/assets/{asset}"},
            {"DELETE", "/video/v1/assets/{random}"}, {"POST", "/video/v1/assets/{asset}/playback-ids"},
            {"GET", "/video/v1/assets/{asset}/playback-ids/{playback}"},
            {"DELETE", "/video/v1/assets/{asset}/playback-ids/{random}"},
            {"GET", "/video/v1/uploads"}, {"POST", "/video/v1/uploads"}, {"GET", "/video/v1/uploads/{upload}"},
            {"PUT", "/video/v1/uploads/{random}/cancel"}, {"GET", "/video/v1/{random}"}, {"GET", "/system/v1/{random}"},
            {"GET", "/data/v1/{random}"},
            {"GET", "/stream/{playback}.m3u8"}, {"GET", "/stream/{playback}/360p/index.m3u8"},
            {"GET", "/stream/{playback}/{random}/index.m3u8"}, {"GET", "/stream/{playback}/360p/segment_000.ts"},
            {"GET", "/stream/{playback}/360p/segment_{random}.ts"}, {"GET", "/stream/{playback}/subtitles/{random}.m3u8"},
            {"GET", "/stream/{playback}/subtitles/en.vtt"}, {"GET", "/stream/{playback}/highest.mp4"},
            {"HEAD", "/stream/{playback}/highest.mp4"}, {"OPTIONS", "/stream/{playback}.m3u8"},
            {"GET", "/image/{playback}/thumbnail.jpg"}, {"GET", "/image/{playback}/{random}"},
            {"GET", "/embed/{playback}"}, {"POST", "/embed/{playback}"},
            {"PUT", "/uploads/direct/{upload}"}, {"PUT", "/uploads/direct/{random}"}, {"OPTIONS", "/uploads/direct/{upload}"},
            {"OPTIONS", "/uploads/tus"}, {"POST", "/uploads/tus"}, {"HEAD", "/uploads/tus/{random}"},
            {"PATCH", "/uploads/tus/{random}"}, {"DELETE", "/uploads/tus/{random}"},
            {"GET", "/openapi.json"}, {"GET", "/login"}, {"GET", "/{random}"},
    };

    private static final String[] QUERY_NAMES = {"page", "limit", "time", "width", "height", "token", "autoplay",
            "download", "t", "q"};

    private static final String[] HEADER_NAMES = {"Range", "Content-Range", "Content-Type", "Accept", "Origin",
            "Upload-Offset", "Upload-Length", "Upload-Metadata", "Upload-Checksum", "Tus-Resumable",
            "Access-Control-Request-Method", "Access-Control-Request-Headers", "If-None-Match", "If-Range",
            "Accept-Encoding", "X-Forwarded-For", "Cookie", "Upload-Defer-Length", "Accept-Language"};

    private HttpRequest nextRequest(int index) {
        String[] endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
        String method = random.nextInt(12) == 0 ? pick("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS") : endpoint[0];
        String path = endpoint[1]
                .replace("{asset}", random.nextInt(5) == 0 ? segment() : assetId)
                .replace("{playback}", random.nextInt(6) == 0 ? segment() : random.nextBoolean() ? publicId : signedId)
                .replace("{upload}", random.nextInt(5) == 0 ? segment() : uploadId)
                .replace("{random}", segment());
        var query = new StringBuilder();
        int parameters = random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? "?" : "&").append(pick(QUERY_NAMES)).append('=').append(encode(value()));
        }
        var builder = HttpRequest.newBuilder(URI.create(base() + path + query)).timeout(Duration.ofSeconds(20));
        if (path.startsWith("/video/v1") || path.startsWith("/system/v1") || path.startsWith("/data/v1")
                || path.startsWith("/uploads/tus")) {
            if (random.nextInt(10) > 0) {
                builder.header("Authorization", random.nextInt(15) == 0 ? "Basic " + printable(20)
                        : authorizations.get(Math.min(index / 30, authorizations.size() - 1)));
            }
        }
        int headers = random.nextInt(5);
        for (int i = 0; i < headers; i++) {
            builder.header(pick(HEADER_NAMES), headerValue());
        }
        byte[] body = body(method);
        builder.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return builder.build();
    }

    private byte[] body(String method) {
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || random.nextInt(6) == 0) {
            return new byte[0];
        }
        if (random.nextInt(4) == 0) {
            byte[] bytes = new byte[random.nextInt(5000)];
            random.nextBytes(bytes);
            return bytes;
        }
        return json(3).getBytes(StandardCharsets.UTF_8);
    }

    /** Random JSON that often uses the API's own field names, with values of every type. */
    private String json(int depth) {
        String[] keys = {"timeout", "cors_origin", "new_asset_settings", "playback_policy", "playback_policies", "meta",
                "title", "description", "passthrough", "policy", "test", "input", "id", printable(6)};
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> String.valueOf(pick("0", "-1", "3600", "1e309", "99999999999999999999999", "0.5", "-0", "NaN"));
            case 1 -> "\"" + jsonEscape(value()) + "\"";
            case 2 -> pick("true", "false", "null");
            case 3 -> "[]";
            case 4, 5 -> {
                var object = new StringBuilder("{");
                int fields = random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    object.append(i == 0 ? "" : ",").append('"').append(jsonEscape(pick(keys))).append("\":").append(json(depth - 1));
                }
                yield object.append('}').toString();
            }
            default -> "[" + json(depth - 1) + (random.nextBoolean() ? "," + json(depth - 1) : "") + "]";
        };
    }

    private String segment() {
        return encode(switch (random.nextInt(8)) {
            case 0 -> "..";
            case 1 -> UUID.randomUUID().toString();
            case 2 -> "a".repeat(1 + random.nextInt(300));
            case 3 -> "\u0000\u00e9\u4e2d%zz";
            case 4 -> "segment_" + random.nextInt(1_000_000) + ".ts";
            case 5 -> "x.m3u8";
            case 6 -> String.valueOf(random.nextLong());
            default -> printable(1 + random.nextInt(20));
        });
    }

    private String value() {
        return switch (random.nextInt(12)) {
            case 0 -> "2147483647";
            case 1 -> "-2147483648";
            case 2 -> "99999999999999999999";
            case 3 -> "NaN";
            case 4 -> "Infinity";
            case 5 -> "";
            case 6 -> "-1";
            case 7 -> String.valueOf(random.nextDouble() * 10);
            case 8 -> "1e308";
            case 9 -> "eyJhbGciOiJSUzI1NiJ9." + printable(30) + "." + printable(10);
            case 10 -> String.valueOf(random.nextInt(3000));
            default -> printable(1 + random.nextInt(40));
        };
    }

    private String headerValue() {
        return switch (random.nextInt(10)) {
            case 0 -> "bytes=" + value() + "-" + value();
            case 1 -> "bytes " + value() + "-" + value() + "/" + pick("*", value());
            case 2 -> pick("application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/offset+octet-stream", "text/html", "*/*", "application/json; charset=nope", "video/mp4");
            case 3 -> pick("sha1 " + printable(10), "md5 AAAA", "crc32 x", "sha256");
            case 4 -> "filename " + Base64.getEncoder().encodeToString(printable(8).getBytes(StandardCharsets.UTF_8))
                    + "," + printable(5);
            case 5 -> pick("1.0.0", "0.2.2", "");
            case 6 -> pick("https://fuzz.example", "null", "http://evil.example");
            case 7 -> value();
            default -> printable(1 + random.nextInt(60));
        };
    }

    private String printable(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "");
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()) + " " + request.headers().map();
    }
}
