package io.vidcastx.live.api;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.LIVE_STREAMS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Mux's live-streams API: the official SDK, roles, organization scoping, errors and the key at rest. */
class LiveStreamsApiTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    @Test
    void the_mux_node_sdk_creates_reads_resets_disables_enables_completes_and_deletes_a_live_stream() throws Exception {
        NodeScripts.assumeNode();
        var organization = TestData.organization(dsl, "Live SDK");
        var key = apiKeys.create(organization, "mux-node-live");

        var result = NodeScripts.run("mux-sdk-live.cjs", List.of("http://localhost:" + port, key.tokenId(), key.secret()), 120);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        var created = report.get("created");
        assertThat(created.get("status").asString()).isEqualTo("idle");
        assertThat(created.get("keyLength").asInt()).isEqualTo(32);
        assertThat(created.get("playbackPolicies").toString()).isEqualTo("[\"public\"]");
        assertThat(created.get("recordingPolicies").toString()).isEqualTo("[\"public\"]");
        assertThat(created.get("reconnectWindow").asInt()).isEqualTo(30);
        assertThat(report.get("sameKey").asBoolean()).isTrue();
        assertThat(report.get("listed").asBoolean()).isTrue();
        assertThat(report.get("keyChanged").asBoolean()).isTrue();
        assertThat(report.get("afterDisable").asString()).isEqualTo("disabled");
        assertThat(report.get("afterEnable").asString()).isEqualTo("idle");
        assertThat(report.get("playbackIds").toString()).isEqualTo("[\"public\",\"signed\"]");
        assertThat(report.get("extraRetrieved").asString()).isEqualTo("signed");
        assertThat(report.get("playbackIdsAfterDelete").asInt()).isEqualTo(1);
        assertThat(report.get("badPolicy").asInt()).isEqualTo(400);
        assertThat(report.get("afterDelete").asInt()).isEqualTo(404);
        String id = created.get("id").asString();
        assertThat(dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.eq(id)).orderBy(EVENTS.CREATED_AT)
                .fetch(EVENTS.TYPE)).containsExactly("video.live_stream.created", "video.live_stream.deleted");
    }

    @Test
    void the_key_is_stored_only_hashed_and_sealed_and_shown_again_to_its_organization_only() throws Exception {
        var organization = TestData.organization(dsl, "Live keys");
        var owner = HttpTestClient.withNewKey(port, apiKeys, organization, "live-owner");
        var created = owner.request("POST", "/video/v1/live-streams").json("{\"playback_policy\":\"public\"}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        var stream = json.readTree(created.body()).get("data");
        String id = stream.get("id").asString();
        String streamKey = stream.get("stream_key").asString();

        var row = dsl.selectFrom(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(UUID.fromString(id))).fetchSingle();
        assertThat(row.getStreamKeyHash()).isEqualTo(SecretTokens.sha256Hex(streamKey));
        assertThat(row.getStreamKeyCiphertext()).startsWith("v1:").doesNotContain(streamKey);
        assertThat(stream.has("new_asset_settings")).isFalse(); // no new_asset_settings: no recordings

        var stranger = HttpTestClient.withNewKey(port, apiKeys, TestData.organization(dsl, "Other"), "stranger");
        for (String path : List.of("/video/v1/live-streams/" + id, "/video/v1/live-streams/not-a-uuid")) {
            var response = stranger.request("GET", path).send();
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json.readTree(response.body()).get("error").get("type").asString()).isEqualTo("not_found");
        }
        assertThat(stranger.request("PUT", "/video/v1/live-streams/" + id + "/disable").send().statusCode()).isEqualTo(404);
        assertThat(stranger.request("GET", "/video/v1/live-streams").send().body()).doesNotContain(id);
    }

    @Test
    void a_viewer_key_reads_but_cannot_create_or_change_and_bad_input_gets_muxs_error_shape() throws Exception {
        var organization = TestData.organization(dsl, "Live roles");
        var member = HttpTestClient.withNewKey(port, apiKeys, organization, "live-member");
        String id = json.readTree(member.request("POST", "/video/v1/live-streams").json("{}").send().body())
                .get("data").get("id").asString();
        var viewerKey = apiKeys.create(organization, "live-viewer", Role.VIEWER);
        var viewer = new HttpTestClient(port, viewerKey.tokenId(), viewerKey.secret());

        assertThat(viewer.request("GET", "/video/v1/live-streams/" + id).send().statusCode()).isEqualTo(200);
        var refused = viewer.request("POST", "/video/v1/live-streams").json("{}").send();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("error").get("messages").isArray()).isTrue();
        assertThat(viewer.request("POST", "/video/v1/live-streams/" + id + "/reset-stream-key").send().statusCode()).isEqualTo(403);
        assertThat(viewer.request("DELETE", "/video/v1/live-streams/" + id).send().statusCode()).isEqualTo(403);

        // deleting a stream during a broadcast fails the recording that can no longer finish
        var asset = io.vidcastx.db.ids.VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, asset)
                .set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Live").set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                .execute();
        dsl.insertInto(LIVE_SESSIONS).set(LIVE_SESSIONS.LIVE_SESSION_ID, UUID.randomUUID())
                .set(LIVE_SESSIONS.LIVE_STREAM_ID, UUID.fromString(id))
                .set(LIVE_SESSIONS.ORGANIZATION_ID, organization)
                .set(LIVE_SESSIONS.STATUS, "connected").set(LIVE_SESSIONS.NODE_ID, "n")
                .set(LIVE_SESSIONS.ASSET_ID, asset.value())
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, java.time.OffsetDateTime.now().plusMinutes(1)).execute();
        assertThat(member.request("DELETE", "/video/v1/live-streams/" + id).send().statusCode()).isEqualTo(204);
        assertThat(dsl.select(VIDEOS.STATUS).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(asset)).fetchSingle().value1()).isEqualTo("failed");

        for (String body : List.of("{\"reconnect_window\":\"soon\"}", "{\"reconnect_window\":5000}", "[1]",
                "{\"new_asset_settings\":{\"playback_policy\":[7]}}")) {
            var bad = member.request("POST", "/video/v1/live-streams").json(body).send();
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(json.readTree(bad.body()).get("error").get("type").asString()).isEqualTo("invalid_parameters");
        }
    }
}
