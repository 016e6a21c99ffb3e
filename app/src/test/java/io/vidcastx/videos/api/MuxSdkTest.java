package io.vidcastx.videos.api;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.NodeScripts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The official @mux/mux-node SDK works against Vidcastx with only its base URL and credentials changed. */
class MuxSdkTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;

    @Test
    void direct_upload_then_retrieve_list_update_playback_ids_and_delete_the_asset() throws Exception {
        NodeScripts.assumeNode();
        ensureOwner();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        var key = apiKeys.create(organization, "mux-node");

        var result = NodeScripts.run("mux-sdk.cjs", List.of("http://localhost:" + port, key.tokenId(), key.secret()), 120);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("uploadStatus").asString()).isEqualTo("waiting");
        assertThat(report.get("putStatus").asInt()).isEqualTo(200);
        assertThat(report.get("uploadAfterPut").asString()).isEqualTo("asset_created");
        assertThat(report.get("asset").get("status").asString()).isEqualTo("preparing");
        assertThat(report.get("asset").get("title").asString()).isEqualTo("SDK upload");
        assertThat(report.get("asset").get("playbackIds").get(0).get("policy").asString()).isEqualTo("public");
        assertThat(report.get("listed").asBoolean()).isTrue();
        assertThat(report.get("updatedTitle").asString()).isEqualTo("Renamed by SDK");
        assertThat(report.get("playbackIds").toString()).isEqualTo("[\"public\",\"signed\"]");
        assertThat(report.get("playbackIdsAfterDelete").asInt()).isEqualTo(1);
        assertThat(report.get("afterDelete").asInt()).isEqualTo(404);
        assertThat(report.get("cancelled").asString()).isEqualTo("cancelled");
    }
}
