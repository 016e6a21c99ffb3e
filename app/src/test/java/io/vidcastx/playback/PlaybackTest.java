package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.developers.SigningKeyService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HLS delivery and signed playback, over HTTP, from files in storage. */
class PlaybackTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    SigningKeyService signingKeys;
    @Autowired
    io.vidcastx.developers.ApiKeyService apiKeys;

    private final HttpClient http = HttpClient.newHttpClient();
    private OrganizationId organization;
    private byte[] segment;

    @BeforeEach
    void organization() {
        ensureOwner();
        organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        segment = new byte[10_000];
        new java.util.Random(3).nextBytes(segment);
    }

    /** A ready video whose HLS output is in storage. */
    private String readyVideo(String policy) {
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,AVERAGE-BANDWIDTH=700000,CODECS=\"avc1.64001e\",RESOLUTION=640x360\n"
                + "360p/index.m3u8\n").getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");
        storage.uploadFile(StorageKeys.hlsFile(id, "360p/index.m3u8"), ("#EXTM3U\n#EXT-X-TARGETDURATION:6\n"
                + "#EXTINF:6.0,\nsegment_000.ts\n#EXT-X-ENDLIST\n").getBytes(StandardCharsets.UTF_8), null);
        storage.uploadFile(StorageKeys.hlsFile(id, "360p/segment_000.ts"), segment, "video/mp2t");
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "playback").set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.PLAYBACK_POLICY, policy).set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        return playbackId;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void a_public_playback_id_serves_playlists_and_segments_with_the_right_headers() throws Exception {
        String id = readyVideo("public");

        var master = get("/stream/" + id + ".m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(master.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(master.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(text(master)).contains("\n" + id + "/360p/index.m3u8");

        var media = get("/stream/" + id + "/360p/index.m3u8");
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(text(media)).contains("\nsegment_000.ts\n");

        var whole = get("/stream/" + id + "/360p/segment_000.ts");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(whole.body()).isEqualTo(segment);
    }

    @Test
    void byte_ranges_are_honoured_and_impossible_ones_refused() throws Exception {
        String id = readyVideo("public");
        String path = "/stream/" + id + "/360p/segment_000.ts";

        var middle = get(path, "Range", "bytes=100-199");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
        assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(segment, 100, 200));

        var suffix = get(path, "Range", "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(segment, 9990, 10000));

        assertThat(get(path, "Range", "bytes=20000-").statusCode()).isEqualTo(416);
    }

    @Test
    void ranges_past_any_number_are_416_with_the_size_never_a_server_error() throws Exception {
        String id = readyVideo("public");
        String path = "/stream/" + id + "/360p/segment_000.ts";

        for (String range : new String[] {"bytes=99999999999999999999-", "bytes=20000-", "bytes=5-3",
                "bytes=9223372036854775807-9223372036854775807"}) {
            var response = get(path, "Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(416);
            assertThat(response.headers().firstValue("Content-Range")).as(range).hasValue("bytes */10000");
        }
        var toAnyEnd = get(path, "Range", "bytes=9990-99999999999999999999");
        assertThat(toAnyEnd.statusCode()).isEqualTo(206);
        assertThat(toAnyEnd.headers().firstValue("Content-Range")).hasValue("bytes 9990-9999/10000");
        assertThat(get(path, "Range", "bytes=-99999999999999999999").statusCode()).isIn(200, 206);
    }

    @Test
    void the_embed_page_and_media_say_any_site_may_frame_them() throws Exception {
        String id = readyVideo("public");

        var page = get("/embed/" + id);

        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors *", "default-src 'none'", "media-src 'self' blob: data:");
        String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(text(page)).contains("<script nonce=\"" + nonce + "\">", "<style nonce=\"" + nonce + "\">");
        assertThat(get("/embed/" + id).headers().firstValue("Content-Security-Policy")).as("a fresh nonce each time")
                .isNotEqualTo(java.util.Optional.of(policy));
        var refused = get("/embed/doesnotexist123");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors *"));
        var master = get("/stream/" + id + ".m3u8");
        assertThat(master.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(master.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'none'"));
    }

    @Test
    void cors_preflight_allows_range_requests_from_any_origin() throws Exception {
        String id = readyVideo("public");
        var preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stream/" + id
                        + "/360p/segment_000.ts")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://player.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range").build(), HttpResponse.BodyHandlers.discarding());

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void unknown_ids_renditions_and_segments_are_404() throws Exception {
        String id = readyVideo("public");
        assertThat(get("/stream/doesnotexist123.m3u8").statusCode()).isEqualTo(404);
        assertThat(get("/stream/" + id + "/9999p/index.m3u8").statusCode()).isEqualTo(404);
        assertThat(get("/stream/" + id + "/360p/segment_999.ts").statusCode()).isEqualTo(404);
        assertThat(get("/stream/" + id + "/..%2F..%2Fraw/index.m3u8").statusCode()).isIn(400, 404);
    }

    @Test
    void a_signed_playback_id_needs_a_valid_token_for_this_video() throws Exception {
        String id = readyVideo("signed");
        String other = readyVideo("signed");
        var key = signingKeys.create(organization);
        long inAnHour = Instant.now().getEpochSecond() + 3600;

        assertThat(get("/stream/" + id + ".m3u8").statusCode()).isEqualTo(403);
        String token = jwt(key, id, "v", inAnHour);
        var master = get("/stream/" + id + ".m3u8?token=" + token);
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
        assertThat(text(master)).contains(id + "/360p/index.m3u8?token=" + token);
        assertThat(text(get("/stream/" + id + "/360p/index.m3u8?token=" + token))).contains("segment_000.ts?token=" + token);
        assertThat(get("/stream/" + id + "/360p/segment_000.ts?token=" + token).statusCode()).isEqualTo(200);

        assertThat(get("/stream/" + id + ".m3u8?token=" + jwt(key, id, "v", Instant.now().getEpochSecond() - 5)).statusCode())
                .as("expired").isEqualTo(403);
        assertThat(get("/stream/" + id + ".m3u8?token=" + jwt(key, other, "v", inAnHour)).statusCode())
                .as("for another video").isEqualTo(403);
        assertThat(get("/stream/" + id + ".m3u8?token=" + jwt(key, id, "t", inAnHour)).statusCode())
                .as("thumbnail audience").isEqualTo(403);
        assertThat(get("/stream/" + id + ".m3u8?token=" + token.substring(0, token.length() - 4) + "AAAA").statusCode())
                .as("tampered signature").isEqualTo(403);
        assertThat(get("/stream/" + id + ".m3u8?token=not.a.jwt").statusCode()).isEqualTo(403);

        signingKeys.revoke(organization, key.id());
        assertThat(get("/stream/" + id + ".m3u8?token=" + token).statusCode()).as("revoked key").isEqualTo(403);
    }

    @Test
    void a_key_of_another_organization_cannot_sign_for_this_one() throws Exception {
        String id = readyVideo("signed");
        var stranger = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, stranger).set(ORGANIZATIONS.NAME, "Stranger")
                .set(ORGANIZATIONS.SLUG, "stranger-" + stranger).execute();
        var foreignKey = signingKeys.create(stranger);

        assertThat(get("/stream/" + id + ".m3u8?token=" + jwt(foreignKey, id, "v", Instant.now().getEpochSecond() + 60))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void the_embed_page_is_light_and_refuses_a_signed_id_without_a_token() throws Exception {
        String publicId = readyVideo("public");
        String signedId = readyVideo("signed");
        var key = signingKeys.create(organization);

        var page = get("/embed/" + publicId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(text(page)).contains("/vidcastx/player.js", "/stream/" + publicId + ".m3u8",
                "/image/" + publicId + "/thumbnail.jpg").doesNotContain("vaadin");

        var refused = get("/embed/" + signedId);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(text(refused)).contains("signed");
        String token = jwt(key, signedId, "v", Instant.now().getEpochSecond() + 600);
        assertThat(text(get("/embed/" + signedId + "?token=" + token))).contains("?token=" + token);
    }

    @Test
    void an_extra_playback_id_has_its_own_policy_and_stops_working_when_deleted() throws Exception {
        String primary = readyVideo("public");
        var videoId = dsl.select(VIDEOS.VIDEO_ID).from(VIDEOS).where(VIDEOS.PLAYBACK_ID.eq(primary)).fetchSingle().value1();
        var key = apiKeys.create(organization, "playback ids");
        var signing = signingKeys.create(organization);
        String auth = "Basic " + Base64.getEncoder().encodeToString((key.tokenId() + ":" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
        var created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/video/v1/assets/" + videoId
                        + "/playback-ids")).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"policy\":\"signed\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String extra = created.body().replaceAll(".*\"id\":\"([A-Za-z0-9]+)\".*", "$1");

        assertThat(get("/stream/" + primary + ".m3u8").statusCode()).as("primary stays public").isEqualTo(200);
        assertThat(get("/stream/" + extra + ".m3u8").statusCode()).as("extra is signed").isEqualTo(403);
        var master = get("/stream/" + extra + ".m3u8?token=" + jwt(signing, extra, "v", Instant.now().getEpochSecond() + 60));
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(text(master)).contains(extra + "/360p/index.m3u8?token=");

        var deleted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/video/v1/assets/" + videoId
                + "/playback-ids/" + extra)).header("Authorization", auth).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/stream/" + extra + ".m3u8?token=" + jwt(signing, extra, "v", Instant.now().getEpochSecond() + 60))
                .statusCode()).isEqualTo(404);
        var primaryDelete = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/video/v1/assets/"
                + videoId + "/playback-ids/" + primary)).header("Authorization", auth).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(primaryDelete.statusCode()).isEqualTo(409);
    }

    /** A playback token as a customer's backend makes it from the private key Vidcastx handed out. */
    static String jwt(SigningKeyService.CreatedSigningKey key, String playbackId, String audience, long exp) throws Exception {
        String pem = new String(Base64.getDecoder().decode(key.privateKeyBase64Pem()), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key.id() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"sub\":\"" + playbackId + "\",\"aud\":\"" + audience + "\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + encoder.encodeToString(signer.sign());
    }
}
