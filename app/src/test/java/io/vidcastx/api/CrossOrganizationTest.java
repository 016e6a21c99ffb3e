package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint that names an object, called with a full-rights key of another organization, answers
 * 404, exactly as for an id that does not exist, and changes nothing; lists never show the object.
 */
class CrossOrganizationTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    private HttpTestClient owner;
    private HttpTestClient stranger;
    private VideoId video;
    private String upload;
    private String tusUpload;

    @BeforeEach
    void twoOrganizations() {
        OrganizationId mine = TestData.organization(dsl, "Mine");
        OrganizationId theirs = TestData.organization(dsl, "Theirs");
        var ownKey = apiKeys.create(mine, "own", Role.ADMIN);
        var strangerKey = apiKeys.create(theirs, "stranger", Role.ADMIN);
        owner = new HttpTestClient(port, ownKey.tokenId(), ownKey.secret());
        stranger = new HttpTestClient(port, strangerKey.tokenId(), strangerKey.secret());
        video = TestData.readyVideo(dsl, mine, "Not yours");
        upload = id(owner.request("POST", "/video/v1/uploads").json("{}").send().body());
        var tus = owner.request("POST", "/uploads/tus").tus().header("Upload-Length", "100").send();
        assertThat(tus.statusCode()).isEqualTo(201);
        String location = tus.headers().firstValue("Location").orElseThrow();
        tusUpload = location.substring(location.lastIndexOf('/') + 1);
    }

    private static String id(String json) {
        var matcher = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                new Call("GET", "/video/v1/assets/{video}", ""),
                new Call("PATCH", "/video/v1/assets/{video}", "{\"meta\":{\"title\":\"mine now\"}}"),
                new Call("DELETE", "/video/v1/assets/{video}", ""),
                new Call("POST", "/video/v1/assets/{video}/playback-ids", "{\"policy\":\"public\"}"),
                new Call("GET", "/video/v1/assets/{video}/playback-ids/{playback}", ""),
                new Call("DELETE", "/video/v1/assets/{video}/playback-ids/{playback}", ""),
                new Call("GET", "/video/v1/uploads/{upload}", ""),
                new Call("PUT", "/video/v1/uploads/{upload}/cancel", ""),
                new Call("HEAD", "/uploads/tus/{tus}", ""),
                new Call("PATCH", "/uploads/tus/{tus}", "0123456789"),
                new Call("DELETE", "/uploads/tus/{tus}", "")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void another_organizations_object_is_not_found(Call call) {
        String path = call.path().replace("{video}", video.toString()).replace("{playback}", TestData.playbackId(video))
                .replace("{upload}", upload).replace("{tus}", tusUpload);
        var request = stranger.request(call.method(), path);
        if (path.startsWith("/uploads/tus")) {
            request.tus().header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream");
        }
        if (!call.body().isEmpty()) {
            if (path.startsWith("/uploads/tus")) {
                request.body(call.body().getBytes());
            } else {
                request.json(call.body());
            }
        }

        var response = request.send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Not yours");
        // Still there, untouched, for its own organization.
        assertThat(owner.request("GET", "/video/v1/assets/" + video).send().body()).contains("Not yours");
        assertThat(owner.request("GET", "/video/v1/uploads/" + upload).send().body()).contains("\"waiting\"");
        assertThat(owner.request("HEAD", "/uploads/tus/" + tusUpload).tus().send().statusCode()).isEqualTo(200);
    }

    @Test
    void lists_show_only_the_callers_own_objects() {
        assertThat(stranger.request("GET", "/video/v1/assets").send().body()).doesNotContain(video.toString());
        assertThat(stranger.request("GET", "/video/v1/uploads").send().body()).doesNotContain(upload);
        assertThat(owner.request("GET", "/video/v1/assets").send().body()).contains(video.toString());
    }
}
