package io.vidcastx.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An HTTP client signed in through the dashboard's login form, holding the session cookie as a browser would. */
public final class DashboardSession {

    private DashboardSession() {
    }

    /** The signed-in client and the sign-in response (302 to the dashboard, or to /login?error). */
    public record SignedIn(HttpClient client, HttpResponse<Void> login) {
    }

    public static SignedIn signIn(int port, String email, String password) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = "http://localhost:" + port + "/login";
        // The login page first, as a browser opens it, then Vaadin's login form posts to /login.
        browser.send(HttpRequest.newBuilder(URI.create(login)).build(), HttpResponse.BodyHandlers.discarding());
        var response = browser.send(HttpRequest.newBuilder(URI.create(login))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        return new SignedIn(browser, response);
    }
}
