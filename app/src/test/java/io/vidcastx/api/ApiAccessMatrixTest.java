package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.testing.DashboardSession;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role x action matrix over HTTP: API keys of each role against every API action, and dashboard
 * sessions of each role against the upload endpoint they share. Allowed means a 2xx; refused means
 * 403 with a JSON error naming the missing role, and nothing changed.
 */
class ApiAccessMatrixTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    /** One API action: what it needs, and how to call it on fresh objects of the organization. */
    record Action(String name, Role needs, BiFunction<Fixture, HttpTestClient, HttpTestClient.Request> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Makes the objects an action works on, with an admin key of the organization. */
    record Fixture(HttpTestClient admin, OrganizationId organization, DSLContext dsl) {
        String video() {
            return TestData.readyVideo(dsl, organization, "matrix").toString();
        }

        String tusUpload() {
            var created = admin.request("POST", "/uploads/tus").tus().header("Upload-Length", "100").send();
            assertThat(created.statusCode()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }

        String waitingUpload() {
            var created = admin.request("POST", "/video/v1/uploads").json("{}").send();
            assertThat(created.statusCode()).as("an admin key makes the upload to act on").isEqualTo(201);
            var matcher = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }
    }

    static Stream<Action> actions() {
        return Stream.of(
                new Action("list assets", Role.VIEWER, (f, c) -> c.request("GET", "/video/v1/assets")),
                new Action("get an asset", Role.VIEWER, (f, c) -> c.request("GET", "/video/v1/assets/" + f.video())),
                new Action("list uploads", Role.VIEWER, (f, c) -> c.request("GET", "/video/v1/uploads")),
                new Action("update an asset", Role.MEMBER, (f, c) -> c.request("PATCH", "/video/v1/assets/" + f.video())
                        .json("{\"meta\":{\"title\":\"Renamed\"}}")),
                new Action("delete an asset", Role.MEMBER, (f, c) -> c.request("DELETE", "/video/v1/assets/" + f.video())),
                new Action("create a playback ID", Role.MEMBER, (f, c) -> c
                        .request("POST", "/video/v1/assets/" + f.video() + "/playback-ids").json("{\"policy\":\"public\"}")),
                new Action("create a direct upload", Role.MEMBER, (f, c) -> c.request("POST", "/video/v1/uploads").json("{}")),
                new Action("continue a TUS upload", Role.MEMBER, (f, c) -> c.request("PATCH", "/uploads/tus/" + f.tusUpload())
                        .tus().header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                        .body("0123456789".getBytes(StandardCharsets.US_ASCII))),
                new Action("start a TUS upload", Role.MEMBER, (f, c) -> c.request("POST", "/uploads/tus").tus()
                        .header("Upload-Length", "10")));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)
                .flatMap(role -> actions().map(action -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0} key: {1}")
    @MethodSource("matrix")
    void an_api_key_may_do_what_its_role_allows_and_nothing_more(Role role, Action action) {
        ensureOwner();
        var organization = TestData.organization(dsl, "Matrix " + role);
        var key = apiKeys.create(organization, role + " key", role);
        var admin = apiKeys.create(organization, "setup key", Role.ADMIN);
        var fixture = new Fixture(new HttpTestClient(port, admin.tokenId(), admin.secret()), organization, dsl);
        var asRole = new HttpTestClient(port, key.tokenId(), key.secret());

        var response = action.request().apply(fixture, asRole).send();

        if (role.atLeast(action.needs())) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("\"forbidden\"").contains("may not");
        }
    }

    @org.junit.jupiter.api.Test
    void a_waiting_upload_is_cancelled_by_a_member_key_but_not_by_a_viewer_key() {
        var organization = TestData.organization(dsl, "Cancel matrix");
        var admin = apiKeys.create(organization, "setup", Role.ADMIN);
        var viewer = apiKeys.create(organization, "viewer", Role.VIEWER);
        var member = apiKeys.create(organization, "member", Role.MEMBER);
        var fixture = new Fixture(new HttpTestClient(port, admin.tokenId(), admin.secret()), organization, dsl);
        String upload = fixture.waitingUpload();

        var refused = new HttpTestClient(port, viewer.tokenId(), viewer.secret())
                .request("PUT", "/video/v1/uploads/" + upload + "/cancel").send();
        var allowed = new HttpTestClient(port, member.tokenId(), member.secret())
                .request("PUT", "/video/v1/uploads/" + upload + "/cancel").send();

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"cancelled\"");
    }

    @ParameterizedTest(name = "{0} session")
    @org.junit.jupiter.params.provider.EnumSource(Role.class)
    void a_dashboard_session_may_upload_only_as_a_member_or_above(Role role) throws Exception {
        signInWithRole(role == Role.OWNER ? Role.ADMIN : role); // makes the account; the owner has their own
        String email = role == Role.OWNER ? OWNER_EMAIL : role.dbValue() + "@example.com";
        String password = role == Role.OWNER ? OWNER_PASSWORD : "unused";
        var session = DashboardSession.signIn(port, email, password);
        var browser = session.client();
        assertThat(session.login().headers().firstValue("Location").orElse("")).doesNotContain("error");

        var upload = browser.send(HttpRequest.newBuilder(URI.create(url("/uploads/tus")))
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(role.atLeast(Role.MEMBER) ? 201 : 403);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
