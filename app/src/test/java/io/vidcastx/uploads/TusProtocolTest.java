package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.UPLOADS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every status code of the TUS protocol, against the running server with a real HTTP client. */
class TusProtocolTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    StorageService storage;
    @Autowired
    UploadService uploadService;

    private HttpTestClient client;
    private OrganizationId organization;

    @BeforeEach
    void apiKey() {
        ensureOwner();
        organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).limit(1).fetchSingle().value1();
        dsl.update(ORGANIZATIONS).set(ORGANIZATIONS.MAX_UPLOAD_BYTES, (Long) null).execute();
        client = HttpTestClient.withNewKey(port, apiKeys, organization, "tus tests");
    }

    private String create(long length, String metadata) {
        var response = client.request("POST", "/uploads/tus").tus().header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", metadata).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> patch(String location, long offset, byte[] body) {
        return client.request("PATCH", location).tus().header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream").body(body).send();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void options_advertises_the_protocol_and_its_extensions() {
        var response = client.request("OPTIONS", "/uploads/tus").send();

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(response.headers().firstValue("Tus-Extension")).hasValue(
                "creation,creation-with-upload,termination,expiration,checksum");
        assertThat(response.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("md5,sha1,sha256");
        assertThat(response.headers().firstValue("Tus-Max-Size")).hasValue(String.valueOf(50L * 1024 * 1024 * 1024));
    }

    @Test
    void an_upload_in_three_requests_becomes_one_processing_video_with_its_job() throws Exception {
        byte[] file = random(20 * 1024 * 1024 + 123); // two full 8 MiB parts and a tail
        String location = create(file.length, "filename " + b64("Holiday in Lisbon.mp4") + ",filetype " + b64("video/mp4"));

        var head = client.request("HEAD", location).tus().send();
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue("0");
        assertThat(head.headers().firstValue("Upload-Length")).hasValue(String.valueOf(file.length));
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(head.headers().firstValue("Upload-Expires")).isPresent();

        int[] cuts = {0, 3_000_000, 11_000_000, file.length};
        for (int i = 0; i < 3; i++) {
            var response = patch(location, cuts[i], Arrays.copyOfRange(file, cuts[i], cuts[i + 1]));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            assertThat(response.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(cuts[i + 1]));
        }

        var id = UploadId.parse(location.substring(location.lastIndexOf('/') + 1));
        var upload = dsl.selectFrom(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id)).fetchSingle();
        assertThat(upload.getStatus()).isEqualTo("asset_created");
        var video = dsl.selectFrom(VIDEOS).where(VIDEOS.UPLOAD_ID.eq(id)).fetchSingle();
        assertThat(video.getStatus()).isEqualTo("processing");
        assertThat(video.getTitle()).isEqualTo("Holiday in Lisbon");
        assertThat(video.getOrganizationId()).isEqualTo(organization);
        assertThat(dsl.fetchCount(JOBS, JOBS.QUEUE.eq("video-processing")
                .and(JOBS.PAYLOAD.cast(String.class).contains(video.getVideoId().toString())))).isEqualTo(1);
        assertThat(dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.in(id.toString(), video.getVideoId().toString()))
                .orderBy(EVENTS.CREATED_AT).fetch(EVENTS.TYPE))
                .contains("video.upload.created", "video.asset.created", "video.upload.asset_created");
        try (InputStream stored = storage.getFileStream(video.getSourceKey())) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(stored.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
        }
        assertThat(storage.stat("uploads/" + id + "/tail")).isEmpty();

        // The same completion seen again: still exactly one video.
        assertThat(patch(location, file.length, new byte[0]).statusCode()).isEqualTo(204);
        assertThat(dsl.fetchCount(VIDEOS, VIDEOS.UPLOAD_ID.eq(id))).isEqualTo(1);
    }

    @Test
    void creation_with_upload_stores_the_first_bytes_with_the_post() {
        byte[] first = random(1000);
        var response = client.request("POST", "/uploads/tus").tus().header("Upload-Length", "5000")
                .header("Content-Type", "application/offset+octet-stream").body(first).send();

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Upload-Offset")).hasValue("1000");
        var head = client.request("HEAD", response.headers().firstValue("Location").orElseThrow()).tus().send();
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue("1000");
    }

    @Test
    void a_wrong_offset_is_409_and_changes_nothing() {
        String location = create(100, "");
        assertThat(patch(location, 0, random(10)).statusCode()).isEqualTo(204);

        var response = patch(location, 5, random(10));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(client.request("HEAD", location).tus().send().headers().firstValue("Upload-Offset")).hasValue("10");
    }

    @Test
    void a_wrong_content_type_is_415() {
        String location = create(100, "");
        var response = client.request("PATCH", location).tus().header("Upload-Offset", "0")
                .header("Content-Type", "application/octet-stream").body(random(10)).send();
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void more_than_the_organizations_limit_is_413() {
        dsl.update(ORGANIZATIONS).set(ORGANIZATIONS.MAX_UPLOAD_BYTES, 1000L)
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(organization)).execute();

        var response = client.request("POST", "/uploads/tus").tus().header("Upload-Length", "1001").send();

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 1000 bytes");
        assertThat(client.request("POST", "/uploads/tus").tus().header("Upload-Length", "1000").send().statusCode())
                .isEqualTo(201);
    }

    @Test
    void a_body_longer_than_the_upload_is_413() {
        String location = create(10, "");
        assertThat(patch(location, 0, random(11)).statusCode()).isEqualTo(413);
    }

    @Test
    void a_checksum_mismatch_is_460_and_a_matching_checksum_is_accepted() throws Exception {
        String location = create(20, "");
        byte[] body = random(20);
        String right = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body));
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(new byte[] {1}));

        var mismatch = client.request("PATCH", location).tus().header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Checksum", "sha1 " + wrong)
                .body(body).send();
        assertThat(mismatch.statusCode()).isEqualTo(460);
        assertThat(client.request("HEAD", location).tus().send().headers().firstValue("Upload-Offset")).hasValue("0");

        var match = client.request("PATCH", location).tus().header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Checksum", "sha1 " + right)
                .body(body).send();
        assertThat(match.statusCode()).isEqualTo(204);

        var unsupported = client.request("PATCH", create(5, "")).tus().header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Checksum", "crc32 AAAA")
                .body(random(5)).send();
        assertThat(unsupported.statusCode()).isEqualTo(400);
    }

    @Test
    void an_unsupported_or_missing_version_is_412() {
        var old = client.request("POST", "/uploads/tus").header("Tus-Resumable", "0.2.2").header("Upload-Length", "5").send();
        var missing = client.request("POST", "/uploads/tus").header("Upload-Length", "5").send();

        assertThat(old.statusCode()).isEqualTo(412);
        assertThat(old.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(missing.statusCode()).isEqualTo(412);
    }

    @Test
    void an_unknown_upload_is_404_and_an_expired_one_410() {
        assertThat(client.request("HEAD", "/uploads/tus/" + UploadId.random()).tus().send().statusCode()).isEqualTo(404);
        assertThat(client.request("HEAD", "/uploads/tus/not-a-uuid").tus().send().statusCode()).isEqualTo(404);

        String location = create(100, "");
        var id = UploadId.parse(location.substring(location.lastIndexOf('/') + 1));
        dsl.update(UPLOADS).set(UPLOADS.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).where(UPLOADS.UPLOAD_ID.eq(id)).execute();

        assertThat(client.request("HEAD", location).tus().send().statusCode()).isEqualTo(410);
        assertThat(patch(location, 0, random(5)).statusCode()).isEqualTo(410);

        // The cleanup then removes it entirely, S3 multipart included.
        String multipart = dsl.select(UPLOADS.MULTIPART_UPLOAD_ID).from(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id)).fetchSingle().value1();
        assertThat(multipart).isNotNull();
        uploadService.cleanUpExpired();
        assertThat(dsl.fetchCount(UPLOADS, UPLOADS.UPLOAD_ID.eq(id))).isZero();
        assertThat(client.request("HEAD", location).tus().send().statusCode()).isEqualTo(404);
    }

    @Test
    void termination_removes_the_upload_and_its_bytes() {
        String location = create(100, "");
        assertThat(patch(location, 0, random(40)).statusCode()).isEqualTo(204);
        var id = UploadId.parse(location.substring(location.lastIndexOf('/') + 1));
        assertThat(storage.stat("uploads/" + id + "/tail")).isPresent();

        assertThat(client.request("DELETE", location).tus().send().statusCode()).isEqualTo(204);

        assertThat(client.request("HEAD", location).tus().send().statusCode()).isEqualTo(404);
        assertThat(storage.stat("uploads/" + id + "/tail")).isEmpty();
    }

    @Test
    void without_credentials_it_is_401_and_another_organizations_upload_is_404() {
        String location = create(100, "");
        assertThat(client.request("HEAD", location).tus().anonymous().send().statusCode()).isEqualTo(401);

        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, "other-" + other).execute();
        var otherKey = apiKeys.create(other, "other");
        var stranger = new HttpTestClient(port, otherKey.tokenId(), otherKey.secret());

        assertThat(stranger.request("HEAD", location).tus().send().statusCode()).isEqualTo(404);
        assertThat(stranger.request("PATCH", location).tus().header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").body(random(5)).send().statusCode()).isEqualTo(404);
        assertThat(stranger.request("DELETE", location).tus().send().statusCode()).isEqualTo(404);
    }

    @Test
    void a_malformed_length_or_metadata_is_400() {
        assertThat(client.request("POST", "/uploads/tus").tus().header("Upload-Length", "-3").send().statusCode()).isEqualTo(400);
        assertThat(client.request("POST", "/uploads/tus").tus().send().statusCode()).isEqualTo(400);
        assertThat(client.request("POST", "/uploads/tus").tus().header("Upload-Length", "5")
                .header("Upload-Metadata", "filename !!!notbase64").send().statusCode()).isEqualTo(400);
    }
}
