package io.vidcastx.workers.ai;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking ElevenLabs' dubbing wire format: {@code POST /v1/dubbing} (multipart,
 * {@code xi-api-key}), {@code GET /v1/dubbing/{id}} answering {@code dubbing} then {@code dubbed}
 * (or {@code failed}), {@code GET /v1/dubbing/{id}/audio/{lang}} with MP3 bytes, and the error
 * bodies ElevenLabs sends for 401, 402, 422 and 429 (with {@code Retry-After}).
 */
final class ElevenLabsStub {

    static final String GOOD_KEY = "sk_test_good";

    enum Mode { OK, QUOTA, UNPROCESSABLE, RATE_LIMITED_ONCE, RATE_LIMITED, FAILS, NEVER_DONE }

    /** One multipart upload as the stub read it. */
    record Upload(String apiKey, Map<String, String> fields, String fileName, String fileType, byte[] file) {
    }

    private static final Pattern STATUS = Pattern.compile("/v1/dubbing/([A-Za-z0-9_]+)");
    private static final Pattern AUDIO = Pattern.compile("/v1/dubbing/([A-Za-z0-9_]+)/audio/([a-z-]+)");

    private final HttpServer server;
    volatile Mode mode = Mode.OK;
    volatile byte[] dubbedMp3 = new byte[0];
    final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Long> postTimes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger dubs = new AtomicInteger();

    private static ElevenLabsStub shared;

    /** The one stub of this JVM: every cached test context's worker talks to it (see AiWorkerTestSettings). */
    static synchronized ElevenLabsStub shared() {
        if (shared == null) {
            try {
                shared = new ElevenLabsStub();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    private ElevenLabsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/dubbing", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int polls() {
        return polls.get();
    }

    void reset(Mode next) {
        mode = next;
        uploads.clear();
        requests.clear();
        postTimes.clear();
        polls.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            // Read first, as a real server does: answering before the upload is read would reset the connection.
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("xi-api-key");
            if (!GOOD_KEY.equals(key)) {
                json(exchange, 401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}");
                return;
            }
            if (method.equals("POST") && path.equals("/v1/dubbing")) {
                postTimes.add(System.nanoTime());
                start(exchange, key, body);
                return;
            }
            Matcher audio = AUDIO.matcher(path);
            if (method.equals("GET") && audio.matches()) {
                exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
                exchange.sendResponseHeaders(200, dubbedMp3.length);
                exchange.getResponseBody().write(dubbedMp3);
                return;
            }
            Matcher status = STATUS.matcher(path);
            if (method.equals("GET") && status.matches()) {
                String state = polls.incrementAndGet() < 2 || mode == Mode.NEVER_DONE ? "dubbing"
                        : mode == Mode.FAILS ? "failed" : "dubbed";
                String error = mode == Mode.FAILS ? "\"Source audio contains no speech\"" : "null";
                json(exchange, 200, "{\"dubbing_id\":\"" + status.group(1) + "\",\"name\":\"vidcastx\",\"status\":\""
                        + state + "\",\"target_languages\":[\"es\"],\"media_metadata\":null,\"error\":" + error + "}");
                return;
            }
            json(exchange, 404, "{\"detail\":\"Not Found\"}");
        }
    }

    private void start(HttpExchange exchange, String key, byte[] body) throws IOException {
        switch (mode) {
            case QUOTA -> {
                json(exchange, 402, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds "
                        + "your quota. You have 0 credits remaining, while 150 credits are required for this request.\"}}");
                return;
            }
            case UNPROCESSABLE -> {
                json(exchange, 422, "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"target_lang\"],"
                        + "\"msg\":\"Value error, unsupported language\",\"input\":\"es\"}]}");
                return;
            }
            case RATE_LIMITED -> {
                rateLimited(exchange);
                return;
            }
            case RATE_LIMITED_ONCE -> {
                if (postTimes.size() == 1) {
                    rateLimited(exchange);
                    return;
                }
            }
            default -> {
            }
        }
        uploads.add(parse(key, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        json(exchange, 200, "{\"dubbing_id\":\"dub_" + dubs.incrementAndGet() + "\",\"expected_duration_sec\":2.5}");
    }

    private static void rateLimited(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Retry-After", "1");
        json(exchange, 429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many "
                + "concurrent requests for your subscription\"}}");
    }

    /** multipart/form-data as RFC 7578 has it: parts between boundary lines, headers, a blank line, the body. */
    private static Upload parse(String key, String contentType, byte[] body) {
        String boundary = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        var fields = new LinkedHashMap<String, String>();
        String fileName = null;
        String fileType = null;
        byte[] file = null;
        for (String part : text.split(Pattern.quote(boundary))) {
            int blank = part.indexOf("\r\n\r\n");
            if (blank < 0) {
                continue;
            }
            String headers = part.substring(0, blank);
            String value = part.substring(blank + 4, part.length() - 2); // the CRLF before the next boundary
            String name = headers.replaceAll("(?s).*name=\"([^\"]+)\".*", "$1");
            if (headers.contains("filename=")) {
                fileName = headers.replaceAll("(?s).*filename=\"([^\"]+)\".*", "$1");
                fileType = headers.replaceAll("(?s).*Content-Type: ([^\r\n]+).*", "$1");
                file = value.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                fields.put(name, value);
            }
        }
        return new Upload(key, fields, fileName, fileType, file);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

}
