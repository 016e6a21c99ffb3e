package io.vidcastx.distribution;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidcastx.AppTestSupport;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /video/v1/assets/{id}/distributions}: queue, read and cancel a YouTube publish through the API. */
class DistributionsApiTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    OrganizationId organization;
    VideoId video;
    HttpTestClient client;

    @BeforeEach
    void setUp() {
        organization = TestData.organization(dsl, "Publishers");
        video = TestData.readyVideo(dsl, organization, "Launch");
        client = HttpTestClient.withNewKey(port, apiKeys, organization, "publishing");
    }

    @Test
    void aPublishIsQueuedReadAndCancelledWithMuxShapedErrors() {
        String path = "/video/v1/assets/" + video + "/distributions";
        var notConnected = client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"Launch\","
                + "\"privacy\":\"unlisted\"}").send();
        assertThat(notConnected.statusCode()).isEqualTo(409);
        assertThat(read(notConnected.body()).at("/error/messages/0").asString()).contains("not connected");

        dsl.insertInto(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, organization)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:unused").execute();
        var invalid = client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"<b>Launch</b>\","
                + "\"privacy\":\"friends\"}").send();
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(read(invalid.body()).at("/error/type").asString()).isEqualTo("invalid_parameters");
        assertThat(read(invalid.body()).at("/error/messages/0").asString()).contains("privacy").contains("<");
        assertThat(client.request("POST", path).json("{\"destination\":\"vimeo\",\"title\":\"x\",\"privacy\":\"public\"}")
                .send().statusCode()).isEqualTo(400);

        var created = client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"Launch\","
                + "\"privacy\":\"unlisted\",\"tags\":[\"launch\",\"demo\"],\"caption_languages\":[\"en\"]}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        var data = read(created.body()).path("data");
        assertThat(data.path("destination").asString()).isEqualTo("youtube");
        assertThat(data.path("status").asString()).isEqualTo("queued");
        String id = data.path("id").asString();
        assertThat(dsl.fetchCount(JOBS, JOBS.QUEUE.eq("publish"), JOBS.PAYLOAD.cast(String.class).contains(id))).isOne();

        var got = read(client.request("GET", path + "/" + id).send().body()).path("data");
        assertThat(got.path("status").asString()).isEqualTo("queued");
        assertThat(got.path("progress").asInt()).isZero();
        assertThat(got.path("external_id").isNull()).isTrue();
        assertThat(got.path("privacy").asString()).isEqualTo("unlisted");

        var again = client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"Launch\","
                + "\"privacy\":\"unlisted\"}").send();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again.body()).at("/error/messages/0").asString()).contains("already sent").contains("replace");

        assertThat(client.request("DELETE", path + "/" + id).send().statusCode()).isEqualTo(204);
        assertThat(read(client.request("GET", path + "/" + id).send().body()).at("/data/status").asString())
                .isEqualTo("cancelled");
        assertThat(client.request("DELETE", path + "/" + id).send().statusCode()).isEqualTo(409);

        var replaced = client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"Launch 2\","
                + "\"privacy\":\"private\",\"publish_at\":\"2030-01-01T10:00:00Z\",\"replace\":true}").send();
        assertThat(replaced.statusCode()).isEqualTo(201);
        assertThat(read(replaced.body()).at("/data/id").asString()).isEqualTo(id); // one per channel

        var stranger = HttpTestClient.withNewKey(port, apiKeys, TestData.organization(dsl, "Strangers"), "other");
        var hidden = stranger.request("GET", path + "/" + id).send();
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(read(hidden.body()).at("/error/type").asString()).isEqualTo("not_found");
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
