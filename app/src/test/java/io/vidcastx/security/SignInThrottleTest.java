package io.vidcastx.security;

import static io.vidcastx.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.vidcastx.AppTestSupport;
import io.vidcastx.db.ids.UserId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in form as a guesser would use it. Each test signs in through the server's loopback address
 * (a trusted proxy by default) with an {@code X-Forwarded-For} address of its own, so its failures never
 * spend another test's budget.
 */
class SignInThrottleTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    PasswordEncoder passwords;

    /** E-mail addresses whose password was checked and found wrong: one entry per bcrypt comparison. */
    private final ConcurrentLinkedQueue<String> wrongPasswordChecks = new ConcurrentLinkedQueue<>();
    private final ApplicationListener<AuthenticationFailureBadCredentialsEvent> counter =
            event -> wrongPasswordChecks.add(event.getAuthentication().getName());

    @BeforeEach
    void countPasswordChecks() {
        ensureOwner();
        multicaster().addApplicationListener(counter);
    }

    @AfterEach
    void stopCounting() {
        multicaster().removeApplicationListener(counter);
    }

    private ApplicationEventMulticaster multicaster() {
        return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                ApplicationEventMulticaster.class);
    }

    /** A fresh address in TEST-NET-3 for one test. */
    private static String someAddress() {
        var random = UUID.randomUUID().getLeastSignificantBits();
        return "203.0." + (random & 0x7f) + "." + ((random >>> 8) & 0xff);
    }

    private String account(String password) {
        String email = "guessed-" + UUID.randomUUID() + "@example.com";
        dsl.insertInto(USERS).set(USERS.USER_ID, UserId.random()).set(USERS.EMAIL, email).set(USERS.DISPLAY_NAME, "Guessed")
                .set(USERS.PASSWORD_HASH, passwords.encode(password)).execute();
        return email;
    }

    /**
     * @param from           the local address to connect from, or null for the default
     * @param forwardedFor   the {@code X-Forwarded-For} header, or null for none
     * @return true when the sign-in succeeded
     */
    private boolean signIn(String email, String password, @Nullable InetAddress from, @Nullable String forwardedFor) {
        try {
            var builder = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER);
            if (from != null) {
                builder.localAddress(from);
            }
            var http = builder.build();
            String login = "http://127.0.0.1:" + port + "/login";
            var page = HttpRequest.newBuilder(URI.create(login));
            var post = HttpRequest.newBuilder(URI.create(login)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
            if (forwardedFor != null) {
                page.header("X-Forwarded-For", forwardedFor);
                post.header("X-Forwarded-For", forwardedFor);
            }
            http.send(page.build(), HttpResponse.BodyHandlers.discarding());
            var response = http.send(post.build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(302);
            return !response.headers().firstValue("Location").orElse("").contains("error");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean signIn(String email, String password, String forwardedFor) {
        return signIn(email, password, null, forwardedFor);
    }

    @Test
    void after_the_account_limit_of_wrong_passwords_even_the_right_one_is_refused_for_a_while() {
        String email = account("the right password");
        String address = someAddress();
        int limit = throttle.properties().accountLimit();

        assertThat(signIn(email, "the right password", address)).isTrue();
        for (int i = 0; i < limit; i++) {
            assertThat(signIn(email, "wrong guess " + i, address)).isFalse();
        }

        assertThat(signIn(email, "the right password", address)).as("locked out for now").isFalse();
        assertThat(signIn(email, "the right password", someAddress())).as("from anywhere").isFalse();
        assertThat(signIn(OWNER_EMAIL, OWNER_PASSWORD, address)).as("other people are not affected").isTrue();
        assertThat(wrongPasswordChecks).filteredOn(email::equals).hasSize(limit);
    }

    @Test
    void twenty_parallel_wrong_passwords_reach_the_password_check_at_most_the_account_limit_times() throws Exception {
        String email = account("the right password");
        String address = someAddress();

        List<Boolean> results;
        try (var pool = Executors.newFixedThreadPool(20)) {
            var attempts = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> signIn(email, "parallel guess " + i, address), pool)).toList();
            results = attempts.stream().map(CompletableFuture::join).toList();
        }

        assertThat(results).containsOnly(false);
        assertThat(wrongPasswordChecks).filteredOn(email::equals).as("bcrypt comparisons")
                .hasSizeLessThanOrEqualTo(throttle.properties().accountLimit());
    }

    @Test
    void one_address_trying_many_accounts_is_refused_at_the_address_limit_while_others_sign_in() {
        String address = someAddress();
        int limit = throttle.properties().addressLimit();
        int perAccount = throttle.properties().accountLimit() - 1;
        for (int i = 0; i < limit; i++) {
            assertThat(signIn("nobody-" + (i / perAccount) + "-" + address + "@example.com", "guess " + i, address)).isFalse();
        }
        String email = account("the right password");

        assertThat(signIn(email, "the right password", address)).as("this address is spent").isFalse();
        assertThat(signIn(email, "the right password", someAddress())).as("the account is not").isTrue();
        assertThat(wrongPasswordChecks).filteredOn(name -> name.endsWith(address + "@example.com")).hasSize(limit);
    }

    @Test
    void x_forwarded_for_is_honoured_only_from_a_trusted_proxy() throws Exception {
        // 127.0.0.2 is a loopback address too, but not the trusted 127.0.0.1: its X-Forwarded-For is a lie.
        var untrusted = InetAddress.getByName("127.0.0.2");
        int limit = throttle.properties().addressLimit();
        int perAccount = throttle.properties().accountLimit() - 1;
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < limit; i++) {
            signIn("spoofer-" + (i / perAccount) + "-" + run + "@example.com", "guess", untrusted, someAddress());
        }
        String email = account("the right password");

        assertThat(signIn(email, "the right password", untrusted, someAddress()))
                .as("a new X-Forwarded-For per attempt does not hide 127.0.0.2").isFalse();
        assertThat(signIn(email, "the right password", someAddress())).as("behind the trusted proxy it does count").isTrue();
    }
}
