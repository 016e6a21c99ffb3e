package io.vidcastx.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.developers.ApiKeyService;

/** A plain HTTP client for protocol tests, authenticated with an API key. */
public final class HttpTestClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;

    public HttpTestClient(int port, String tokenId, String secret) {
        this.base = "http://localhost:" + port;
        this.authorization = basicAuthorization(tokenId, secret);
    }

    /** A client holding a new API key of {@code organization}. */
    public static HttpTestClient withNewKey(int port, ApiKeyService apiKeys, OrganizationId organization, String keyName) {
        var key = apiKeys.create(organization, keyName);
        return new HttpTestClient(port, key.tokenId(), key.secret());
    }

    /** The {@code Authorization} header an API client sends for this key. */
    public static String basicAuthorization(String tokenId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((tokenId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header this client sends, for requests made with another HTTP client. */
    public String authorization() {
        return authorization;
    }

    public String base() {
        return base;
    }

    public Request request(String method, String pathOrUrl) {
        return new Request(method, pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    public final class Request {
        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private boolean authenticated = true;

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request tus() {
            return header("Tus-Resumable", "1.0.0");
        }

        public Request body(byte[] bytes) {
            body = bytes;
            return this;
        }

        public Request json(String text) {
            header("Content-Type", "application/json");
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request anonymous() {
            authenticated = false;
            return this;
        }

        public HttpResponse<String> send() {
            var builder = HttpRequest.newBuilder(URI.create(url))
                    .method(method, body.length == 0 && !method.equals("PATCH") && !method.equals("PUT")
                            && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authenticated) {
                builder.header("Authorization", authorization);
            }
            headers.forEach(builder::header);
            try {
                return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
