package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.UPLOADS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Random;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mux-style direct uploads: the API that creates them and the URL that takes the bytes. */
class DirectUploadTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    UploadService uploadService;
    @Autowired
    JsonMapper json;

    private HttpTestClient client;

    @BeforeEach
    void apiKey() {
        ensureOwner();
        OrganizationId organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "direct upload tests");
        client = new HttpTestClient(port, key.tokenId(), key.secret());
    }

    private JsonNode createUpload(String body) {
        var response = client.request("POST", "/video/v1/uploads").json(body).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("data");
    }

    private JsonNode getUpload(String id) {
        var response = client.request("GET", "/video/v1/uploads/" + id).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("data");
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void one_put_of_the_whole_file_creates_the_asset() {
        var upload = createUpload("""
                {"cors_origin": "https://example.com", "timeout": 3600,
                 "new_asset_settings": {"playback_policy": ["public"], "meta": {"title": "Launch video"}}}""");
        assertThat(upload.get("status").asString()).isEqualTo("waiting");
        assertThat(upload.get("timeout").asLong()).isEqualTo(3600);
        assertThat(upload.get("cors_origin").asString()).isEqualTo("https://example.com");
        assertThat(upload.get("new_asset_settings").get("playback_policy").get(0).asString()).isEqualTo("public");
        String url = upload.get("url").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/uploads/direct/");

        var put = client.request("PUT", url).anonymous().header("Content-Type", "video/mp4").body(random(300_000)).send();

        assertThat(put.statusCode()).isEqualTo(200);
        var done = getUpload(upload.get("id").asString());
        assertThat(done.get("status").asString()).isEqualTo("asset_created");
        String assetId = done.get("asset_id").asString();
        var video = dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(io.vidcastx.db.ids.VideoId.parse(assetId))).fetchSingle();
        assertThat(video.getTitle()).isEqualTo("Launch video");
        assertThat(video.getStatus()).isEqualTo("processing");
        assertThat(video.getSizeBytes()).isEqualTo(300_000);
    }

    @Test
    void chunked_puts_with_content_range_answer_308_until_the_last() {
        String url = createUpload("{}").get("url").asString();
        byte[] file = random(12 * 1024 * 1024);
        int chunk = 5 * 1024 * 1024;

        for (int first = 0; first < file.length; first += chunk) {
            int last = Math.min(first + chunk, file.length) - 1;
            var response = client.request("PUT", url).anonymous()
                    .header("Content-Range", "bytes " + first + "-" + last + "/" + file.length)
                    .body(Arrays.copyOfRange(file, first, last + 1)).send();
            if (last < file.length - 1) {
                assertThat(response.statusCode()).isEqualTo(308);
                assertThat(response.headers().firstValue("Range")).hasValue("bytes=0-" + last);
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        String id = url.substring(url.lastIndexOf('/') + 1);
        assertThat(getUpload(id).get("status").asString()).isEqualTo("asset_created");
    }

    @Test
    void the_cors_origin_is_allowed_and_others_are_not() {
        String url = createUpload("{\"cors_origin\": \"https://app.example.com\"}").get("url").asString();

        var allowed = client.request("OPTIONS", url).anonymous().header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT").send();
        var refused = client.request("OPTIONS", url).anonymous().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "PUT").send();

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("PUT"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void a_cancelled_upload_refuses_bytes() {
        var upload = createUpload("{}");
        String id = upload.get("id").asString();

        var cancelled = client.request("PUT", "/video/v1/uploads/" + id + "/cancel").send();

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("data").get("status").asString()).isEqualTo("cancelled");
        var put = client.request("PUT", upload.get("url").asString()).anonymous().body(random(10)).send();
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(client.request("PUT", "/video/v1/uploads/" + id + "/cancel").send().statusCode()).isEqualTo(409);
    }

    @Test
    void an_upload_past_its_timeout_is_timed_out() {
        var upload = createUpload("{\"timeout\": 60}");
        String id = upload.get("id").asString();
        dsl.update(UPLOADS).set(UPLOADS.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1))
                .where(UPLOADS.UPLOAD_ID.eq(UploadId.parse(id))).execute();

        assertThat(client.request("PUT", upload.get("url").asString()).anonymous().body(random(10)).send().statusCode())
                .isEqualTo(410);
        uploadService.cleanUpExpired();

        assertThat(getUpload(id).get("status").asString()).isEqualTo("timed_out");
    }

    @Test
    void a_signed_playback_policy_makes_a_video_with_a_signed_playback_id() {
        var upload = createUpload("{\"new_asset_settings\": {\"playback_policy\": [\"signed\"]}}");
        assertThat(upload.get("new_asset_settings").get("playback_policy").get(0).asString()).isEqualTo("signed");

        var put = client.request("PUT", upload.get("url").asString()).anonymous().body(random(50_000)).send();

        assertThat(put.statusCode()).isEqualTo(200);
        String assetId = getUpload(upload.get("id").asString()).get("asset_id").asString();
        var asset = json.readTree(client.request("GET", "/video/v1/assets/" + assetId).send().body()).get("data");
        assertThat(asset.get("playback_ids").get(0).get("policy").asString()).isEqualTo("signed");
        assertThat(dsl.select(VIDEOS.PLAYBACK_POLICY).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(io.vidcastx.db.ids.VideoId.parse(assetId))).fetchSingle().value1())
                .isEqualTo("signed");
    }

    @Test
    void playback_policies_that_cannot_be_honoured_are_refused() {
        for (String settings : new String[] {"{\"playback_policy\": [\"drm\"]}", "{\"playback_policy\": [\"public\", \"signed\"]}",
                "{\"playback_policy\": []}", "{\"playback_policy\": 5}", "{\"playback_policies\": [\"private\"]}"}) {
            var response = client.request("POST", "/video/v1/uploads").json("{\"new_asset_settings\": " + settings + "}").send();

            assertThat(response.statusCode()).as(settings).isEqualTo(400);
            var error = json.readTree(response.body()).get("error");
            assertThat(error.get("type").asString()).isEqualTo("invalid_parameters");
            assertThat(error.get("messages").get(0).asString()).contains("playback_policy");
        }
    }

    @Test
    void malformed_requests_get_clear_json_errors() {
        var badTimeout = client.request("POST", "/video/v1/uploads").json("{\"timeout\": 5}").send();
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badTimeout.body()).get("error").get("messages").get(0).asString()).contains("timeout");

        var notJson = client.request("POST", "/video/v1/uploads").json("{not json").send();
        assertThat(notJson.statusCode()).isEqualTo(400);

        assertThat(client.request("GET", "/video/v1/uploads/" + UploadId.random()).send().statusCode()).isEqualTo(404);
        assertThat(client.request("GET", "/video/v1/uploads").anonymous().send().statusCode()).isEqualTo(401);
        var badRange = client.request("PUT", createUpload("{}").get("url").asString()).anonymous()
                .header("Content-Range", "bytes 9-3/10").body(random(5)).send();
        assertThat(badRange.statusCode()).isEqualTo(400);
    }
}
