package io.vidcastx.distribution;

import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.testing.GoogleOAuthStub;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import io.vidcastx.core.youtube.YouTubeReconnectNeeded;
import io.vidcastx.testing.DashboardSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Connecting YouTube through the real Google OAuth client against a local server speaking Google's protocol. */
class YouTubeConnectTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    YouTubeGoogle google;
    @Autowired
    YouTubeConnections connections;

    GoogleOAuthStub stub;

    @BeforeEach
    void pointAtStub() {
        ensureOwner();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        stub = new GoogleOAuthStub();
        google.pointAt(new YouTubeGoogle.Endpoints(GoogleOAuthStub.CLIENT_ID, GoogleOAuthStub.CLIENT_SECRET,
                stub.base().resolve("o/oauth2/v2/auth"), stub.base().resolve("token"), stub.base()));
    }

    @AfterEach
    void resetGoogle() {
        google.reset();
        stub.close();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
    }

    @Test
    void anAdminConnectsWithPkceAndTheTokensAreStoredSealed() throws Exception {
        var browser = DashboardSession.signIn(port, OWNER_EMAIL, OWNER_PASSWORD).client();
        var consent = browser.send(get("/integrations/youtube/connect"), HttpResponse.BodyHandlers.discarding());
        assertThat(consent.statusCode()).isEqualTo(302);
        URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/o/oauth2/v2/auth");
        var query = query(location);
        assertThat(query).containsEntry("client_id", GoogleOAuthStub.CLIENT_ID)
                .containsEntry("redirect_uri", "http://localhost:" + port + "/integrations/youtube/callback")
                .containsEntry("response_type", "code")
                .containsEntry("access_type", "offline")
                .containsEntry("code_challenge_method", "S256");
        assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrder(
                "https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube.readonly");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);

        String code = stub.approve(query.get("code_challenge"));
        var back = browser.send(get("/integrations/youtube/callback?state=" + query.get("state") + "&code=" + code),
                HttpResponse.BodyHandlers.discarding());
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/settings/integrations/youtube?connected=1");
        var tokenRequest = stub.tokenRequests.getFirst();
        assertThat(GoogleOAuthStub.s256(tokenRequest.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        assertThat(tokenRequest.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/integrations/youtube/callback");

        var row = dsl.selectFrom(YOUTUBE_CONNECTIONS).fetchSingle();
        assertThat(row.getOrganizationId()).isEqualTo(ownersOrganization());
        assertThat(row.getChannelTitle()).isEqualTo(GoogleOAuthStub.CHANNEL_TITLE);
        assertThat(row.getChannelThumbnailUrl()).endsWith("avatar.jpg");
        assertThat(row.getRefreshTokenCiphertext()).startsWith("v1:").doesNotContain("refresh");
        assertThat(row.getAccessTokenCiphertext()).startsWith("v1:").doesNotContain("ya29");
        assertThat(stub.isIssued(connections.accessToken(ownersOrganization()))).isTrue();

        // The same callback again (a replay, or the back button) is refused and exchanges nothing.
        var replay = browser.send(get("/integrations/youtube/callback?state=" + query.get("state") + "&code=" + code),
                HttpResponse.BodyHandlers.discarding());
        assertThat(replay.headers().firstValue("Location").orElseThrow()).contains("?error=");
        var forged = browser.send(get("/integrations/youtube/callback?state=forged&code=" + stub.approve("x")),
                HttpResponse.BodyHandlers.discarding());
        assertThat(forged.headers().firstValue("Location").orElseThrow()).contains("?error=");
        assertThat(stub.tokenRequests).hasSize(1);
    }

    @Test
    void aStateFromAnotherSessionIsRefused() throws Exception {
        var admin = DashboardSession.signIn(port, OWNER_EMAIL, OWNER_PASSWORD).client();
        var query = query(URI.create(admin.send(get("/integrations/youtube/connect"), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow()));
        var otherSession = DashboardSession.signIn(port, OWNER_EMAIL, OWNER_PASSWORD).client();
        var back = otherSession.send(get("/integrations/youtube/callback?state=" + query.get("state") + "&code="
                + stub.approve(query.get("code_challenge"))), HttpResponse.BodyHandlers.discarding());
        assertThat(back.headers().firstValue("Location").orElseThrow()).contains("?error=");
        assertThat(dsl.fetchCount(YOUTUBE_CONNECTIONS)).isZero();
    }

    @Test
    void aMemberCannotStartAConnection() throws Exception {
        signInWithRole(Role.MEMBER);
        var member = DashboardSession.signIn(port, "member@example.com", "unused").client();
        var answer = member.send(get("/integrations/youtube/connect"), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/settings/integrations/youtube?error=");
        assertThat(stub.tokenRequests).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndARevokedGrantNeedsReconnect() throws Exception {
        connectDirectly();
        var organization = ownersOrganization();
        String first = connections.accessToken(organization);
        assertThat(connections.accessToken(organization)).isEqualTo(first); // still valid: no refresh
        expireAccessToken();
        String refreshed = connections.accessToken(organization);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(stub.isIssued(refreshed)).isTrue();
        assertThat(stub.tokenRequests.getLast()).containsEntry("grant_type", "refresh_token");

        stub.revokeAll();
        expireAccessToken();
        assertThatThrownBy(() -> connections.accessToken(organization)).isInstanceOf(YouTubeReconnectNeeded.class)
                .hasMessageContaining("connect YouTube again");
        assertThat(connections.find(organization).orElseThrow().needsReconnect()).isTrue();
        // No second call to Google while it stays refused.
        int calls = stub.tokenRequests.size();
        assertThatThrownBy(() -> connections.accessToken(organization)).isInstanceOf(YouTubeReconnectNeeded.class);
        assertThat(stub.tokenRequests).hasSize(calls);
    }

    @Test
    void disconnectRevokesAtGoogleThenForgets() throws Exception {
        connectDirectly();
        String refresh = stub.tokenRequests.getFirst().get("code"); // any: the revoke call carries the stored refresh token
        assertThat(refresh).isNotNull();
        assertThat(connections.disconnect(ownersOrganization())).isTrue();
        assertThat(stub.revoked).singleElement().asString().startsWith("1//refresh-");
        assertThat(dsl.fetchCount(YOUTUBE_CONNECTIONS)).isZero();
    }

    /** The whole browser round trip, for tests about what happens after connecting. */
    void connectDirectly() throws Exception {
        var browser = DashboardSession.signIn(port, OWNER_EMAIL, OWNER_PASSWORD).client();
        var query = query(URI.create(browser.send(get("/integrations/youtube/connect"),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow()));
        browser.send(get("/integrations/youtube/callback?state=" + query.get("state") + "&code="
                + stub.approve(query.get("code_challenge"))), HttpResponse.BodyHandlers.discarding());
        assertThat(dsl.fetchCount(YOUTUBE_CONNECTIONS)).isOne();
    }

    private void expireAccessToken() {
        dsl.update(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ACCESS_TOKEN_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .execute();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    private static Map<String, String> query(URI uri) {
        var result = new HashMap<String, String>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
