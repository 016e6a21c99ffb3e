package io.vidcastx.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vidcastx.webhooks.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard with private networks not allowed, against real servers on loopback. Only
 * 127.0.0.2 is an allowed network here, standing in for "a public host": requests to it go through,
 * which shows that every refusal below is the guard's doing.
 */
class SsrfGuardTest {

    private static final byte[] BODY = "{\"type\":\"video.asset.ready\"}".getBytes(StandardCharsets.UTF_8);

    private WebhookReceiver internal;
    private WebhookReceiver allowedHost;
    private WebhookTransport guarded;

    @BeforeEach
    void servers() throws Exception {
        internal = new WebhookReceiver("127.0.0.1", Reply.status(200));
        allowedHost = new WebhookReceiver("127.0.0.2", Reply.status(200));
        guarded = transport(false, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        internal.close();
        allowedHost.close();
    }

    private static WebhookTransport transport(boolean allowPrivate, Duration timeout) {
        var addresses = new AddressPolicy(allowPrivate, List.of("127.0.0.2/32"));
        return new WebhookTransport(addresses, new WebhookUrlPolicy(List.of("localhost", "127.0.0.1", "127.0.0.2"), addresses),
                timeout);
    }

    private HttpOutcome post(WebhookTransport transport, String url) {
        return transport.post(URI.create(url), Map.of("webhook-id", "msg_1"), BODY);
    }

    @Test
    void an_allowed_address_is_delivered_to() {
        var outcome = post(guarded, allowedHost.url("/hook"));

        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(allowedHost.received()).hasSize(1);
    }

    @Test
    void a_loopback_address_is_refused_without_a_request() {
        var outcome = post(guarded, internal.url("/hook"));

        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("Refused").contains("127.0.0.1");
        assertThat(internal.received()).isEmpty();
    }

    @Test
    void a_host_name_resolving_to_a_private_address_is_refused() {
        var outcome = post(guarded, "http://localhost:" + internal.port() + "/hook");

        assertThat(outcome.error()).startsWith("Refused").contains("localhost resolves to");
        assertThat(internal.received()).isEmpty();
    }

    @Test
    void a_redirect_to_a_private_address_is_refused() throws Exception {
        try (var redirector = new WebhookReceiver("127.0.0.2",
                new Reply(307, Map.of("Location", internal.url("/stolen")), ""))) {
            var outcome = post(guarded, redirector.url("/hook"));

            assertThat(outcome.error()).startsWith("Refused: redirect to " + internal.url("/stolen"));
            assertThat(redirector.received()).hasSize(1);
            assertThat(internal.received()).isEmpty();
        }
    }

    @Test
    void a_redirect_to_a_host_name_resolving_to_a_private_address_is_refused() throws Exception {
        try (var redirector = new WebhookReceiver("127.0.0.2",
                new Reply(302, Map.of("Location", "http://localhost:" + internal.port() + "/stolen"), ""))) {
            var outcome = post(guarded, redirector.url("/hook"));

            assertThat(outcome.error()).startsWith("Refused").contains("localhost resolves to");
            assertThat(internal.received()).isEmpty();
        }
    }

    @Test
    void a_redirect_to_an_allowed_address_is_followed_with_the_same_body_and_headers() throws Exception {
        try (var redirector = new WebhookReceiver("127.0.0.2",
                new Reply(308, Map.of("Location", allowedHost.url("/moved")), ""))) {
            var outcome = post(guarded, redirector.url("/hook"));

            assertThat(outcome.statusCode()).isEqualTo(200);
            var arrived = allowedHost.received().getFirst();
            assertThat(arrived.path()).isEqualTo("/moved");
            assertThat(arrived.body()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
            assertThat(arrived.header("webhook-id")).isEqualTo("msg_1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:9/", "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/hook",
            "https://192.168.1.20/hook", "https://0.0.0.0/hook", "https://[::ffff:127.0.0.1]/hook",
            "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://[64:ff9b::a00:1]/hook"})
    void private_literals_are_refused_before_connecting(String url) {
        var outcome = post(guarded, url);

        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("Refused");
        assertThat(outcome.latencyMillis()).isLessThan(1000);
    }

    @Test
    void allowing_private_networks_lets_loopback_through() {
        var outcome = post(transport(true, Duration.ofSeconds(2)), "http://localhost:" + internal.port() + "/hook");

        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(internal.received()).hasSize(1);
    }

    @Test
    void a_receiver_that_never_answers_times_out() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            var outcome = post(transport(false, Duration.ofMillis(500)), "http://127.0.0.2:" + silent.getLocalPort() + "/");

            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).isEqualTo("No response within the timeout");
            assertThat(outcome.latencyMillis()).isBetween(400L, 3000L);
        }
    }

    @Test
    void public_addresses_are_public_and_the_rest_are_not() throws Exception {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "151.101.1.140")) {
            assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd12::1", "::ffff:10.0.0.1", "64:ff9b::7f00:1",
                "224.0.0.1", "255.255.255.255", "192.0.2.2")) {
            assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void an_ipv4_mapped_ipv6_answer_from_dns_is_judged_by_the_ipv4_address_inside() throws Exception {
        // What the JDK's resolver returns for an AAAA record of ::ffff:169.254.169.254: an Inet6Address,
        // not converted to IPv4 (InetAddress.getByName of the literal would convert it and hide the case).
        for (String inside : List.of("169.254.169.254", "127.0.0.1", "10.0.0.5", "192.168.1.1")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(InetAddress.getByName(inside).getAddress(), 0, mapped, 12, 4);
            var address = java.net.Inet6Address.getByAddress(null, mapped, -1);
            assertThat(address).isInstanceOf(java.net.Inet6Address.class);
            assertThat(AddressPolicy.isPublic(address)).as("::ffff:" + inside).isFalse();
            assertThat(new AddressPolicy(false, List.of()).permits(address)).isFalse();
        }
        byte[] publicMapped = new byte[16];
        publicMapped[10] = (byte) 0xff;
        publicMapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName("8.8.8.8").getAddress(), 0, publicMapped, 12, 4);
        assertThat(AddressPolicy.isPublic(java.net.Inet6Address.getByAddress(null, publicMapped, -1))).isTrue();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("64:ff9b:1::a00:5"))).isFalse();
    }

    @Test
    void endpoint_urls_need_https_a_host_and_no_credentials() {
        var urls = new WebhookUrlPolicy(List.of("localhost"), new AddressPolicy(false, List.of()));

        assertThat(urls.check(" https://example.com/hooks ").toString()).isEqualTo("https://example.com/hooks");
        assertThat(urls.check("http://localhost:8081/hooks").getPort()).isEqualTo(8081);
        assertThatThrownBy(() -> urls.check("http://example.com/hooks")).hasMessageContaining("must use https://");
        assertThatThrownBy(() -> urls.check("ftp://example.com/")).hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> urls.check("https://user:pw@example.com/")).hasMessageContaining("no user name or password");
        assertThatThrownBy(() -> urls.check("https:///path")).hasMessageContaining("needs a host name");
        assertThatThrownBy(() -> urls.check("https://example.com/a b")).hasMessageContaining("Not a valid URL");
        assertThatThrownBy(() -> urls.check("https://10.0.0.8/hooks")).hasMessageContaining("private address");
        assertThatThrownBy(() -> urls.check("")).hasMessageContaining("Enter the URL");
        assertThatThrownBy(() -> urls.check("https://example.com:99999/hooks")).hasMessageContaining("port");
    }

    @Test
    void retry_after_is_read_in_seconds_or_as_a_date_and_capped_at_a_day() {
        assertThat(WebhookTransport.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookTransport.retryAfter("999999")).isEqualTo(Duration.ofHours(24));
        assertThat(WebhookTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(WebhookTransport.retryAfter("soon")).isNull();
        assertThat(WebhookTransport.retryAfter(null)).isNull();
    }
}
