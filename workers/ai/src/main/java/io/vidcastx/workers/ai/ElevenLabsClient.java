package io.vidcastx.workers.ai;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.queue.PermanentJobFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ElevenLabs' dubbing API over plain {@code java.net.http}: {@code POST /v1/dubbing} (multipart),
 * {@code GET /v1/dubbing/{id}} and {@code GET /v1/dubbing/{id}/audio/{language}}, authenticated with
 * the organization's {@code xi-api-key}. A 429 is waited out for its {@code Retry-After} a few times;
 * 401, 402, 422 and a 429 that does not pass become a {@link Refused} whose message tells the person
 * what to do. Server errors and broken connections stay ordinary exceptions, so the job is retried.
 */
final class ElevenLabsClient {

    /** ElevenLabs said no in a way no retry fixes; the message is for the video page. */
    static final class Refused extends PermanentJobFailure {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    record Started(String dubbingId, double expectedSeconds) {
    }

    /** @param status ElevenLabs' word: {@code dubbing}, {@code dubbed} or {@code failed} */
    record Progress(String status, @Nullable String error) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final ElevenLabsProperties settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ElevenLabsClient(ElevenLabsProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Uploads the source sound and starts a dub into {@code targetLang}. */
    Started startDubbing(String apiKey, Path audio, String audioType, String sourceLang, String targetLang,
                         int numSpeakers, boolean watermark, boolean dropBackground, BooleanSupplier stop) {
        String boundary = "vidcastx-" + UUID.randomUUID();
        var fields = new LinkedHashMap<String, String>();
        fields.put("source_lang", sourceLang);
        fields.put("target_lang", targetLang);
        fields.put("num_speakers", Integer.toString(numSpeakers));
        fields.put("watermark", Boolean.toString(watermark));
        fields.put("drop_background_audio", Boolean.toString(dropBackground));
        fields.put("name", "vidcastx " + targetLang);
        var head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(audio.getFileName()).append("\"\r\n")
                .append("Content-Type: ").append(audioType).append("\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        var response = send(() -> {
            try {
                // The sound streams from disk: an hour of it need not fit in memory.
                var body = HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(audio),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
                return request(apiKey, "/v1/dubbing").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(body).build();
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }, "start the dub", stop);
        JsonNode answer = parse(response);
        String id = answer.path("dubbing_id").asString("");
        if (id.isBlank()) {
            throw new IllegalStateException("ElevenLabs started a dub without a dubbing_id: " + abbreviate(answer.toString()));
        }
        return new Started(id, answer.path("expected_duration_sec").asDouble(0));
    }

    Progress progress(String apiKey, String dubbingId, BooleanSupplier stop) {
        JsonNode answer = parse(send(() -> request(apiKey, "/v1/dubbing/" + path(dubbingId)).GET().build(),
                "read the dub's status", stop));
        JsonNode error = answer.path("error");
        return new Progress(answer.path("status").asString(""),
                error.isMissingNode() || error.isNull() ? null : error.isString() ? error.asString() : error.toString());
    }

    /** Saves the dubbed sound of {@code language} into {@code out}. */
    void downloadAudio(String apiKey, String dubbingId, String language, Path out, BooleanSupplier stop) {
        var response = send(() -> request(apiKey, "/v1/dubbing/" + path(dubbingId) + "/audio/" + path(language))
                .GET().build(), "download the dubbed sound", stop);
        try (InputStream in = response.body()) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading the dubbed sound from ElevenLabs broke off", e);
        }
        try {
            if (Files.size(out) == 0) {
                throw new IllegalStateException("ElevenLabs sent an empty dubbed sound");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String apiKey, String path) {
        String base = settings.apiBase().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("xi-api-key", apiKey).header("Accept", "application/json, audio/*");
    }

    /** Sends, waiting out 429s for their Retry-After; answers only a 2xx response. */
    private HttpResponse<InputStream> send(Supplier<HttpRequest> request, String what, BooleanSupplier stop) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not reach ElevenLabs to " + what + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FfmpegCancelledException();
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response;
            }
            String detail = detail(drain(response));
            if (status == 429) {
                Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(""), Instant.now());
                if (attempt < settings.rateLimitRetries() && wait.compareTo(settings.longestRetryAfter()) <= 0) {
                    pause(wait, stop);
                    continue;
                }
                throw new Refused(429, "ElevenLabs is limiting this account's requests (429" + detail + ") and still "
                        + "did after " + (attempt + 1) + " tries; it asked to wait " + wait.toSeconds() + " s. "
                        + "Dub again later, or with fewer dubs at once.");
            }
            throw switch (status) {
                case 401 -> detail.contains("quota_exceeded") ? quota(status, detail)
                        : new Refused(401, "ElevenLabs refused the organization's API key (401" + detail + "). "
                        + "Set a valid key in Settings › General, then dub again.");
                case 402 -> quota(402, detail);
                case 422 -> new Refused(422, "ElevenLabs could not " + what + " with what was sent (422" + detail
                        + "). Check the languages and the video's sound, or dub with the local provider.");
                case 400, 403, 404 -> new Refused(status, "ElevenLabs refused to " + what + " (" + status + detail + ").");
                default -> new IllegalStateException("ElevenLabs answered " + status + " when asked to " + what + detail);
            };
        }
    }

    private static Refused quota(int status, String detail) {
        return new Refused(status, "The organization's ElevenLabs account has no quota left for this dub (" + status
                + detail + "). Add credits or upgrade the plan at ElevenLabs, or dub with the local provider.");
    }

    /** Retry-After (RFC 9110 10.2.3) in seconds or as an HTTP date; one second when missing or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            var wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** Waits in short steps so that removing the track stops the wait too. */
    private static void pause(Duration wait, BooleanSupplier stop) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stop.getAsBoolean()) {
                    throw new FfmpegCancelledException();
                }
                Thread.sleep(Math.min(250, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegCancelledException();
        }
    }

    void pollPause(BooleanSupplier stop) {
        pause(settings.pollInterval(), stop);
    }

    private JsonNode parse(HttpResponse<InputStream> response) {
        String body = drain(response);
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw new IllegalStateException("ElevenLabs answered something that is not JSON: " + abbreviate(body), e);
        }
    }

    private static String drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * ElevenLabs' error words: {@code {"detail":{"status":..,"message":..}}}, or FastAPI's
     * {@code {"detail":[{"loc":[..],"msg":..}]}} for a 422; as ": ..." to follow the status code.
     */
    private String detail(String body) {
        JsonNode detail;
        try {
            detail = json.readTree(body).path("detail");
        } catch (RuntimeException e) {
            return body.isBlank() ? "" : ": " + abbreviate(body);
        }
        var parts = new ArrayList<String>();
        if (detail.isArray()) {
            for (JsonNode item : detail) {
                var loc = new ArrayList<String>();
                item.path("loc").forEach(l -> loc.add(l.asString()));
                parts.add((loc.isEmpty() ? "" : String.join(".", loc) + ": ") + item.path("msg").asString(""));
            }
        } else if (detail.isObject()) {
            if (detail.hasNonNull("status")) {
                parts.add(detail.path("status").asString());
            }
            if (detail.hasNonNull("message")) {
                parts.add(detail.path("message").asString());
            }
        } else if (detail.isString()) {
            parts.add(detail.asString());
        }
        return parts.isEmpty() ? "" : ": " + abbreviate(String.join("; ", parts));
    }

    private static String path(String segment) {
        if (!segment.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalStateException("Unexpected ElevenLabs identifier: " + abbreviate(segment));
        }
        return segment;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }


}
