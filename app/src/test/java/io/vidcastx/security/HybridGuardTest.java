package io.vidcastx.security;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.DashboardSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Session cookies and API keys each work only where they belong; other organizations' objects are 404. */
class HybridGuardTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String basic(ApiKeyService.CreatedKey key) {
        return "Basic " + Base64.getEncoder().encodeToString((key.tokenId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_dashboard_session_does_not_authorize_the_api() throws Exception {
        ensureOwner();
        var session = DashboardSession.signIn(port, OWNER_EMAIL, OWNER_PASSWORD);
        var browser = session.client();
        var login = session.login();
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(url("/videos"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the session opens the dashboard").isEqualTo(200);

        var api = browser.send(HttpRequest.newBuilder(URI.create(url("/video/v1/assets"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void an_api_key_does_not_open_the_dashboard() throws Exception {
        ensureOwner();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "not for the dashboard");
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        var dashboard = http.send(HttpRequest.newBuilder(URI.create(url("/videos"))).header("Authorization", basic(key)).build(),
                HttpResponse.BodyHandlers.discarding());
        var api = http.send(HttpRequest.newBuilder(URI.create(url("/video/v1/assets"))).header("Authorization", basic(key)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    void another_organizations_asset_is_404_on_every_endpoint() throws Exception {
        ensureOwner();
        var stranger = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, stranger).set(ORGANIZATIONS.NAME, "Stranger")
                .set(ORGANIZATIONS.SLUG, "stranger-" + stranger).execute();
        var theirs = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, theirs).set(VIDEOS.ORGANIZATION_ID, stranger).set(VIDEOS.TITLE, "Theirs")
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", "")).execute();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "mine");
        var http = HttpClient.newHttpClient();
        String path = url("/video/v1/assets/" + theirs);

        var get = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", basic(key)).build(),
                HttpResponse.BodyHandlers.ofString());
        var patch = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", basic(key))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"meta\":{\"title\":\"mine now\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        var delete = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", basic(key)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("not_found").doesNotContain("Theirs");
        assertThat(dsl.select(VIDEOS.TITLE).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(theirs)).fetchSingle().value1()).isEqualTo("Theirs");
    }
}
