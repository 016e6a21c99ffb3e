package io.vidcastx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.vidcastx.AppTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class SignInThrottleTest extends AppTestSupport {

    @LocalServerPort
    int port;

    /** @return where the form post redirected to */
    private String signIn(String email, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while() throws Exception {
        ensureOwner();
        String email = "throttled@example.com";
        dsl.insertInto(io.vidcastx.db.jooq.Tables.USERS).set(io.vidcastx.db.jooq.Tables.USERS.USER_ID,
                        io.vidcastx.db.ids.UserId.random()).set(io.vidcastx.db.jooq.Tables.USERS.EMAIL, email)
                .set(io.vidcastx.db.jooq.Tables.USERS.DISPLAY_NAME, "Throttled")
                .set(io.vidcastx.db.jooq.Tables.USERS.PASSWORD_HASH, "{noop}the right password").execute();

        assertThat(signIn(email, "the right password")).doesNotContain("error");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(email, "wrong guess " + i)).contains("error");
        }

        assertThat(signIn(email, "the right password")).as("locked out for now").contains("error");
        assertThat(signIn(OWNER_EMAIL, OWNER_PASSWORD)).as("other people are not affected").doesNotContain("error");
    }
}
