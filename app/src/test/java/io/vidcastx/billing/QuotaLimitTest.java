package io.vidcastx.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.UPLOADS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.UI;
import io.vidcastx.billing.ui.QuotaNotice;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Past a hard limit new uploads are refused over the direct-upload API, TUS and the dashboard with
 * the same words, new live streams too, and what is stored still plays.
 */
class QuotaLimitTest extends BillingTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @Autowired
    StorageService storage;

    private OrganizationId overTheLimit() {
        var organization = TestData.organization(dsl, "Over the limit");
        use(organization, UsageMetric.ENCODING_MINUTES, 61); // Free: 60 minutes, a hard limit
        return organization;
    }

    @Test
    void the_direct_upload_api_answers_402_quota_exceeded_and_creates_nothing() {
        var organization = overTheLimit();
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "quota");

        var response = client.request("POST", "/video/v1/uploads").json("{}").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(402);
        var error = json.readTree(response.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("quota_exceeded");
        assertThat(error.get("messages").get(0).asString()).isEqualTo("The Free plan's 60 min of encoding for this period"
                + " are used up (61 used), so you cannot upload videos. Upgrade your plan in Settings › Billing.");
        assertThat(dsl.fetchCount(UPLOADS, UPLOADS.ORGANIZATION_ID.eq(organization))).isZero();
    }

    @Test
    void a_new_live_stream_is_refused_with_402_when_the_live_minutes_are_used_up() {
        var organization = TestData.organization(dsl, "Live over the limit");
        use(organization, UsageMetric.LIVE_MINUTES, 60); // Free: 60 live minutes, a hard limit
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "quota live");

        var response = client.request("POST", "/video/v1/live-streams").json("{\"playback_policy\":\"public\"}").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(402);
        var error = json.readTree(response.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("quota_exceeded");
        assertThat(error.get("messages").get(0).asString()).contains("60 min of live streaming", "start live streams");
        assertThat(dsl.fetchCount(io.vidcastx.db.jooq.Tables.LIVE_STREAMS,
                io.vidcastx.db.jooq.Tables.LIVE_STREAMS.ORGANIZATION_ID.eq(organization))).isZero();
    }

    @Test
    void a_tus_upload_is_refused_with_402_and_the_same_words() {
        var organization = overTheLimit();
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "quota tus");

        var response = client.request("POST", "/uploads/tus").tus().header("Upload-Length", "1000").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(402);
        assertThat(response.body()).contains("quota_exceeded", "are used up (61 used)", "Upgrade your plan");
        assertThat(dsl.fetchCount(UPLOADS, UPLOADS.ORGANIZATION_ID.eq(organization))).isZero();
    }

    @Test
    void under_the_limit_uploads_are_accepted() {
        var organization = TestData.organization(dsl, "Under the limit");
        use(organization, UsageMetric.ENCODING_MINUTES, 59);
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "quota ok");

        assertThat(client.request("POST", "/video/v1/uploads").json("{}").send().statusCode()).isEqualTo(201);
    }

    @Test
    void existing_videos_still_play_past_the_limit() throws Exception {
        var organization = overTheLimit();
        var video = TestData.readyVideo(dsl, organization, "Made before the limit");
        storage.uploadFile(StorageKeys.hlsMaster(video), utf8("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000,"
                + "RESOLUTION=640x360\n360p/index.m3u8\n"), "application/vnd.apple.mpegurl");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/stream/" + TestData.playbackId(video) + ".m3u8")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("360p/index.m3u8");
        assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(video).and(VIDEOS.STATUS.eq("ready")))).isTrue();
    }

    @Test
    void the_dashboard_says_the_same_words_above_the_upload_area_with_a_link_to_upgrade() {
        signInAsOwner();
        var organization = ownersOrganization();
        String key = "test:dashboard-quota";
        meter.record(organization, UsageMetric.ENCODING_MINUTES, key, 1_000_000);
        try {
            startUi();
            UI.getCurrent().navigate("videos");
            var notice = _get(QuotaNotice.class);
            assertThat(notice.isVisible()).isTrue();
            assertThat(notice.getElement().getTextRecursively()).contains("are used up", "so you cannot upload videos",
                    "Upgrade your plan");
            assertThat(notice.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.Anchor)
                    .map(c -> ((com.vaadin.flow.component.html.Anchor) c).getHref())).containsExactly("settings/billing");
        } finally {
            dsl.deleteFrom(io.vidcastx.db.jooq.Tables.USAGE_RECORDS).where(io.vidcastx.db.jooq.Tables.USAGE_RECORDS.SOURCE_KEY.eq(key))
                    .execute();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
