package io.vidcastx.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Posts one delivery under the SSRF guard. Host names resolve only to addresses the
 * {@link AddressPolicy} permits, the address a connection actually reaches is checked again before
 * anything is sent (this also covers IP literals), and redirects are followed by hand so that each
 * hop passes the URL policy and the guard too.
 */
final class WebhookTransport {

    static final int MAX_REDIRECTS = 3;
    static final int EXCERPT_BYTES = 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final OkHttpClient client;
    private final Duration timeout;
    private final WebhookUrlPolicy urls;

    WebhookTransport(AddressPolicy addresses, WebhookUrlPolicy urls, Duration timeout) {
        this.timeout = timeout;
        this.urls = urls;
        this.client = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .dns(new GuardedDns(addresses))
                .addNetworkInterceptor(new ConnectedAddressGuard(addresses))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .build();
    }

    /**
     * The start of the response body, for the log. Only a courtesy: a receiver that answered 2xx and then
     * broke off its body still accepted the delivery, so a failure here must not turn it into a retry.
     */
    private static String excerpt(Response response) {
        try {
            return printable(response.peekBody(EXCERPT_BYTES).string());
        } catch (IOException e) {
            return "";
        }
    }

    HttpOutcome post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        try {
            // Checked again here: the settings may have changed since the endpoint was saved.
            URI current = allowed(url, url.toString(), "");
            for (int hop = 0; ; hop++) {
                var request = new Request.Builder().url(toHttpUrl(current)).post(RequestBody.create(body, JSON))
                        .header("User-Agent", "Vidcastx-Webhooks/1.0");
                headers.forEach(request::header);
                // One deadline for the whole delivery, redirects included, not a fresh timeout per hop.
                long left = timeout.toNanos() - (System.nanoTime() - started);
                if (left <= 0) {
                    return failure(started, null, "No response within the timeout");
                }
                var call = client.newCall(request.build());
                call.timeout().timeout(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                try (Response response = call.execute()) {
                    int status = response.code();
                    String location = response.header("Location");
                    if (REDIRECTS.contains(status) && location != null) {
                        if (hop == MAX_REDIRECTS) {
                            return failure(started, status, "More than " + MAX_REDIRECTS + " redirects");
                        }
                        current = allowed(current, location, "redirect to " + location + ": ");
                        continue;
                    }
                    String excerpt = excerpt(response);
                    Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.header("Retry-After")) : null;
                    return new HttpOutcome(status, elapsed(started), excerpt.isEmpty() ? null : excerpt, retryAfter,
                            status >= 200 && status < 300 ? null : "HTTP " + status);
                }
            }
        } catch (RefusedAddressException | RefusedUrlException e) {
            return failure(started, null, "Refused: " + e.getMessage());
        } catch (InterruptedIOException e) {
            return failure(started, null, "No response within the timeout");
        } catch (UnknownHostException e) {
            return failure(started, null, "Unknown host: " + e.getMessage());
        } catch (IOException e) {
            return failure(started, null, "Connection failed: " + e.getMessage());
        }
    }

    private URI allowed(URI base, String location, String context) throws RefusedUrlException {
        try {
            return urls.check(base.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            throw new RefusedUrlException(context + e.getMessage());
        }
    }

    private static HttpUrl toHttpUrl(URI uri) throws RefusedUrlException {
        var url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new RefusedUrlException("not an http(s) URL: " + uri);
        }
        return url;
    }

    /** PostgreSQL text cannot hold NUL, and the log shows text: other control characters become spaces too. */
    static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ");
    }

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration wait;
        if (value.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    private static HttpOutcome failure(long started, @Nullable Integer status, String error) {
        return new HttpOutcome(status, elapsed(started), null, null, error);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Resolves host names to the addresses the policy permits; none permitted is an error. */
    private record GuardedDns(AddressPolicy addresses) implements Dns {

        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            var resolved = Dns.SYSTEM.lookup(hostname);
            var permitted = resolved.stream().filter(addresses::permits).toList();
            if (permitted.isEmpty()) {
                throw new RefusedAddressException(hostname + " resolves to " + resolved.stream()
                        .map(InetAddress::getHostAddress).toList() + ", a private, loopback or link-local address");
            }
            return permitted;
        }
    }

    /** Checks the address the connection reached, whatever the URL named, before the request is written. */
    private record ConnectedAddressGuard(AddressPolicy addresses) implements Interceptor {

        @Override
        public Response intercept(Chain chain) throws IOException {
            var connection = chain.connection();
            if (connection == null) {
                throw new RefusedAddressException("no connection to check");
            }
            InetAddress address = connection.route().socketAddress().getAddress();
            if (!addresses.permits(address)) {
                throw new RefusedAddressException(address.getHostAddress()
                        + " is a private, loopback or link-local address");
            }
            return chain.proceed(chain.request());
        }
    }

    /** An UnknownHostException so that OkHttp's DNS contract holds; caught before the generic cases. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    static final class RefusedUrlException extends IOException {
        RefusedUrlException(String message) {
            super(message);
        }
    }
}
