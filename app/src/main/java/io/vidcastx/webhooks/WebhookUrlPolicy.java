package io.vidcastx.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs may receive webhooks: absolute http(s) URLs with a host, https unless the host is one
 * the settings allow plain http for, no credentials, no fragment. Applied when an endpoint is saved
 * and to every redirect a delivery follows.
 */
final class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2000;

    private final List<String> httpHosts;
    private final AddressPolicy addresses;

    WebhookUrlPolicy(List<String> httpHosts, AddressPolicy addresses) {
        this.httpHosts = httpHosts;
        this.addresses = addresses;
    }

    /**
     * @return the URL, normalised
     * @throws IllegalArgumentException with a message a person can act on
     */
    URI check(String url) {
        String text = url.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the URL that should receive the webhooks");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The URL must start with https://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("The URL needs a host name, as in https://example.com/webhooks");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Put no user name or password in the URL; verify the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The URL must not have a #fragment");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new IllegalArgumentException("The port must be between 1 and 65535");
        }
        if (okhttp3.HttpUrl.parse(uri.toString()) == null) {
            // java.net.URI accepts a few forms the HTTP client does not; refuse them now, not at each delivery.
            throw new IllegalArgumentException("Not a URL webhooks can be sent to: " + text);
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (scheme.equals("http") && !httpHosts.contains(bareHost.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The URL must use https:// (plain http is allowed only for the hosts "
                    + "in vidcastx.webhooks.http-hosts)");
        }
        if (isIpLiteral(bareHost) && !addresses.permits(literal(bareHost))) {
            throw new IllegalArgumentException("Webhooks cannot be sent to the private address " + bareHost);
        }
        return uri;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not a valid IP address: " + host);
        }
    }
}
