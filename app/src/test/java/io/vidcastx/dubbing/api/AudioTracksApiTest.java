package io.vidcastx.dubbing.api;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mux's tracks API for generated audio, over HTTP with an API key, as an SDK calls it. */
class AudioTracksApiTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    DubbingAccounts dubbingAccounts;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    DSLContext dsl;
    @Autowired
    JsonMapper json;
    @Autowired
    LocalDubbingTools tools;

    private static final String SPANISH = """
            {"type":"audio","language_code":"es","name":"Español","generated":{"provider":"local"}}""";

    private JsonNode body(java.net.http.HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void a_dub_is_started_listed_on_the_asset_and_removed() {
        assumeThat(tools.targets("en")).as("apertium-eng-spa and espeak-ng are not installed: skipped").contains("es");
        OrganizationId organization = TestData.organization(dsl, "Tracks API");
        VideoId video = TestData.readyVideo(dsl, organization, "To dub");
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "tracks");
        String tracks = "/video/v1/assets/" + video + "/tracks";

        var created = client.request("POST", tracks).json(SPANISH).send();

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var track = body(created).get("data");
        assertThat(track.get("type").asString()).isEqualTo("audio");
        assertThat(track.get("status").asString()).isEqualTo("preparing");
        assertThat(track.get("language_code").asString()).isEqualTo("es");
        assertThat(track.get("name").asString()).isEqualTo("Español");
        assertThat(track.get("generated").get("provider").asString()).isEqualTo("local");
        String trackId = track.get("id").asString();
        assertThat(dsl.fetchCount(JOBS, JOBS.QUEUE.eq("ai-jobs"),
                org.jooq.impl.DSL.condition("payload ->> 'videoId' = {0}", video.toString()),
                org.jooq.impl.DSL.condition("payload ->> 'type' = 'DUB'"))).isEqualTo(1);

        var asset = body(client.request("GET", "/video/v1/assets/" + video).send()).get("data");
        assertThat(asset.get("tracks").valueStream().filter(t -> t.path("id").asString("").equals(trackId)))
                .singleElement().satisfies(t -> assertThat(t.get("status").asString()).isEqualTo("preparing"));

        var again = client.request("POST", tracks).json(SPANISH).send();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("error").get("messages").get(0).asString()).contains("already being dubbed");

        var otherOrganization = HttpTestClient.withNewKey(port, apiKeys, TestData.organization(dsl, "Other"), "other");
        assertThat(otherOrganization.request("DELETE", tracks + "/" + trackId).send().statusCode()).isEqualTo(404);
        assertThat(otherOrganization.request("POST", tracks).json(SPANISH).send().statusCode()).isEqualTo(404);

        assertThat(client.request("DELETE", tracks + "/" + trackId).send().statusCode()).isEqualTo(204);
        var after = body(client.request("GET", "/video/v1/assets/" + video).send()).get("data");
        assertThat(after.path("tracks").valueStream().filter(t -> t.path("id").asString("").equals(trackId))).isEmpty();
        assertThat(client.request("DELETE", tracks + "/" + trackId).send().statusCode()).isEqualTo(404);
    }

    @Test
    void bad_requests_get_muxs_error_shape_and_say_what_is_wrong() {
        OrganizationId organization = TestData.organization(dsl, "Tracks API errors");
        VideoId video = TestData.readyVideo(dsl, organization, "Not to dub");
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "tracks-errors");
        String tracks = "/video/v1/assets/" + video + "/tracks";

        var text = client.request("POST", tracks).json("{\"type\":\"text\",\"language_code\":\"es\"}").send();
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(body(text).get("error").get("type").asString()).isEqualTo("invalid_parameters");

        var badProvider = client.request("POST", tracks)
                .json("{\"type\":\"audio\",\"language_code\":\"es\",\"generated\":{\"provider\":\"acme\"}}").send();
        assertThat(badProvider.statusCode()).isEqualTo(400);
        assertThat(body(badProvider).get("error").get("messages").get(0).asString()).contains("generated.provider");

        var elevenLabsWithoutKey = client.request("POST", tracks)
                .json("{\"type\":\"audio\",\"language_code\":\"es\",\"generated\":{\"provider\":\"elevenlabs\"}}")
                .send();
        assertThat(elevenLabsWithoutKey.statusCode()).isEqualTo(400);
        assertThat(body(elevenLabsWithoutKey).get("error").get("messages").get(0).asString())
                .contains("no ElevenLabs API key", "Settings › General");

        var badTag = client.request("POST", tracks)
                .json("{\"type\":\"audio\",\"language_code\":\"../x\",\"generated\":{\"provider\":\"local\"}}").send();
        assertThat(badTag.statusCode()).isEqualTo(400);

        var notInstalled = client.request("POST", tracks)
                .json("{\"type\":\"audio\",\"language_code\":\"sw\",\"generated\":{\"provider\":\"local\"}}").send();
        assertThat(notInstalled.statusCode()).isEqualTo(400);
        assertThat(body(notInstalled).get("error").get("messages").get(0).asString())
                .contains("cannot dub into 'sw' locally", "Install");

        assertThat(client.request("POST", "/video/v1/assets/" + VideoId.random() + "/tracks").json(SPANISH).send()
                .statusCode()).isEqualTo(404);
        assertThat(dsl.fetchCount(JOBS, org.jooq.impl.DSL.condition("payload ->> 'videoId' = {0}", video.toString())))
                .isZero();
    }

    @Test
    void with_a_key_elevenlabs_dubs_its_languages_and_becomes_the_default_when_chosen() {
        OrganizationId organization = TestData.organization(dsl, "Tracks API ElevenLabs");
        VideoId video = TestData.readyVideo(dsl, organization, "To dub with ElevenLabs");
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "tracks-elevenlabs");
        String tracks = "/video/v1/assets/" + video + "/tracks";
        dubbingAccounts.setElevenLabsKey(organization, "sk_0123456789abcdef0123");

        var swahili = client.request("POST", tracks)
                .json("{\"type\":\"audio\",\"language_code\":\"sw\",\"generated\":{\"provider\":\"elevenlabs\"}}")
                .send();
        assertThat(swahili.statusCode()).isEqualTo(400);
        assertThat(body(swahili).get("error").get("messages").get(0).asString()).contains("ElevenLabs cannot dub into 'sw'");

        dubbingAccounts.setProvider(organization, DubbingProvider.ELEVENLABS);
        // No provider named: the organization's default dubs.
        var japanese = client.request("POST", tracks).json("{\"type\":\"audio\",\"language_code\":\"ja\"}").send();
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(201);
        var track = body(japanese).get("data");
        assertThat(track.get("generated").get("provider").asString()).isEqualTo("elevenlabs");
        assertThat(track.get("name").asString()).isEqualTo("日本語");
        assertThat(track.get("status").asString()).isEqualTo("preparing");
    }
}
