package io.vidcastx.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Google's OAuth 2.0 token and revocation endpoints and the YouTube Data API's {@code channels.list},
 * speaking Google's wire format on a local port: a code is exchanged only with the PKCE verifier whose
 * S256 challenge was registered, refresh tokens answer {@code invalid_grant} once revoked, and the
 * channel is served only to a bearer token this stub issued.
 */
public final class GoogleOAuthStub implements AutoCloseable {

    public static final String CLIENT_ID = "test-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "test-secret";
    public static final String CHANNEL_ID = "UCstubchannel0000000000";
    public static final String CHANNEL_TITLE = "Acme Films on YouTube";

    private final HttpServer server;
    private final Map<String, String> challengeByCode = new ConcurrentHashMap<>();
    private final Set<String> issuedAccess = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefresh = ConcurrentHashMap.newKeySet();
    public final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    public final List<String> revoked = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile long expiresIn = 3599;

    public GoogleOAuthStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.createContext("/youtube/v3/channels", this::channels);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public HttpServer server() {
        return server;
    }

    /** Google's consent page said yes: this code may be exchanged with the verifier behind {@code challenge}. */
    public String approve(String challenge) {
        String code = "4/code-" + counter.incrementAndGet();
        challengeByCode.put(code, challenge);
        return code;
    }

    /** Access tokens issued from now on expire after this many seconds. */
    public void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    /** The person removed Vidcastx from their Google account. */
    public void revokeAll() {
        liveRefresh.clear();
        issuedAccess.clear();
    }

    public boolean isIssued(String accessToken) {
        return issuedAccess.contains(accessToken);
    }

    private void token(HttpExchange exchange) throws IOException {
        var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
            return;
        }
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                String challenge = challengeByCode.remove(String.valueOf(form.get("code")));
                if (challenge == null || form.get("code_verifier") == null
                        || !challenge.equals(s256(form.get("code_verifier")))) {
                    json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
                    return;
                }
                String refresh = "1//refresh-" + counter.incrementAndGet();
                liveRefresh.add(refresh);
                json(exchange, 200, grant(refresh));
            }
            case "refresh_token" -> {
                if (!liveRefresh.contains(String.valueOf(form.get("refresh_token")))) {
                    json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
                    return;
                }
                json(exchange, 200, grant(null));
            }
            default -> json(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private String grant(String refresh) {
        String access = "ya29.access-" + counter.incrementAndGet();
        issuedAccess.add(access);
        return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"scope\":"
                + "\"https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly\","
                + "\"token_type\":\"Bearer\"" + (refresh != null ? ",\"refresh_token\":\"" + refresh + "\"" : "") + "}";
    }

    private void revoke(HttpExchange exchange) throws IOException {
        var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String token = form.get("token");
        revoked.add(token);
        liveRefresh.remove(token);
        json(exchange, 200, "{}");
    }

    private void channels(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !issuedAccess.contains(authorization.replaceFirst("^Bearer ", ""))) {
            json(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                    + "\"errors\":[{\"reason\":\"authError\"}]}}");
            return;
        }
        json(exchange, 200, "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":\""
                + CHANNEL_ID + "\",\"snippet\":{\"title\":\"" + CHANNEL_TITLE + "\",\"thumbnails\":{\"default\":"
                + "{\"url\":\"" + base() + "avatar.jpg\",\"width\":88,\"height\":88}}}}]}");
    }

    public static Map<String, String> form(String body) {
        var result = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
