package io.vidcastx.billing;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Metering as the platform records it: storage samples, live minutes, thresholds, and the usage API. */
class UsageMeteringTest extends BillingTestSupport {

    @Autowired
    StorageSampler sampler;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;
    @Autowired
    DeliveryMeter delivery;
    @Autowired
    io.vidcastx.core.storage.StorageService storage;

    /** An hour long past, so the real hourly schedule never samples the same key. */
    private static OffsetDateTime hour(int h) {
        return OffsetDateTime.of(2001, 1, 1, h, 0, 0, 0, ZoneOffset.UTC);
    }

    private double used(OrganizationId organization, UsageMetric metric) {
        return usage.summary(organization).metric(metric).orElseThrow().used();
    }

    private void video(OrganizationId organization, long sourceBytes, long outputBytes, String title) {
        var id = TestData.readyVideo(dsl, organization, title);
        dsl.update(VIDEOS).set(VIDEOS.SIZE_BYTES, sourceBytes).set(VIDEOS.OUTPUT_BYTES, outputBytes)
                .where(VIDEOS.VIDEO_ID.eq(id)).execute();
    }

    @Test
    void storage_is_sampled_from_the_bytes_videos_hold_once_per_hour_and_is_right_after_a_delete() {
        var organization = TestData.organization(dsl, "Storage meter");
        video(organization, 1_000_000_000L, 500_000_000L, "Kept");
        video(organization, 2_000_000_000L, 1_000_000_000L, "Deleted later");

        assertThat(sampler.sample(hour(0))).isPositive();
        assertThat(used(organization, UsageMetric.STORAGE_GB_HOURS)).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(sampler.sample(hour(0).plusMinutes(30))).as("the same hour again (a restart, another node)").isZero();
        assertThat(used(organization, UsageMetric.STORAGE_GB_HOURS)).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-9));

        dsl.deleteFrom(VIDEOS).where(VIDEOS.ORGANIZATION_ID.eq(organization).and(VIDEOS.TITLE.eq("Deleted later"))).execute();
        sampler.sample(hour(1));

        assertThat(used(organization, UsageMetric.STORAGE_GB_HOURS)).as("4.5 GB-h, then 1.5 GB-h after the delete")
                .isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_node_skips_the_sample_while_another_holds_the_sampling_lock() throws Exception {
        video(TestData.organization(dsl, "Lock meter"), 1_000_000L, 0L, "Small");
        try (Connection other = dataSource.getConnection(); var statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(" + StorageSampler.LOCK_KEY + ")");
            try {
                assertThat(sampler.sample(hour(2))).isEqualTo(-1);
            } finally {
                statement.execute("select pg_advisory_unlock(" + StorageSampler.LOCK_KEY + ")");
            }
        }
        assertThat(sampler.sample(hour(2))).isPositive();
    }

    @Test
    void served_segment_bytes_become_delivery_minutes_at_the_rendition_bitrate() throws Exception {
        var organization = TestData.organization(dsl, "Delivery meter");
        var video = TestData.readyVideo(dsl, organization, "Watched");
        var renditions = io.vidcastx.db.jooq.Tables.RENDITIONS;
        dsl.insertInto(renditions).set(renditions.RENDITION_ID, io.vidcastx.db.ids.RenditionId.random())
                .set(renditions.VIDEO_ID, video).set(renditions.ORGANIZATION_ID, organization).set(renditions.NAME, "360p")
                .set(renditions.KIND, "video").set(renditions.BANDWIDTH_BPS, 1_000_000)
                .set(renditions.AVERAGE_BANDWIDTH_BPS, 800_000).set(renditions.PLAYLIST_KEY, "x").execute();
        storage.uploadFile(io.vidcastx.core.storage.StorageKeys.hlsFile(video, "360p/segment_000.ts"), new byte[600_000],
                "video/mp2t");
        var http = java.net.http.HttpClient.newHttpClient();
        var segment = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/stream/"
                + TestData.playbackId(video) + "/360p/segment_000.ts")).build();

        for (int i = 0; i < 2; i++) {
            assertThat(http.send(segment, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body()).hasSize(600_000);
        }
        delivery.flush();

        // 2 × 600,000 bytes × 8 / 800,000 bit/s = 12 s = 0.2 min
        assertThat(used(organization, UsageMetric.DELIVERY_MINUTES)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        delivery.flush();
        assertThat(used(organization, UsageMetric.DELIVERY_MINUTES)).as("counted once").isCloseTo(0.2,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void live_minutes_are_a_metric_of_their_own_recorded_once_per_slice() {
        var organization = TestData.organization(dsl, "Live meter");

        assertThat(usage.recordLiveMinutes(organization, "stream-1:session-1:0", 2.5)).isTrue();
        assertThat(usage.recordLiveMinutes(organization, "stream-1:session-1:0", 2.5)).isFalse();
        assertThat(usage.recordLiveMinutes(organization, "stream-1:session-1:1", 1.0)).isTrue();

        assertThat(used(organization, UsageMetric.LIVE_MINUTES)).isEqualTo(3.5);
        assertThat(used(organization, UsageMetric.ENCODING_MINUTES)).isZero();
    }

    @Test
    void thresholds_send_a_webhook_event_once_each_at_80_and_100_percent() {
        var organization = TestData.organization(dsl, "Threshold meter");
        use(organization, UsageMetric.ENCODING_MINUTES, 30); // Free includes 60

        assertThat(usage.checkThresholds(organization)).isEmpty();
        use(organization, UsageMetric.ENCODING_MINUTES, 20);
        assertThat(usage.checkThresholds(organization)).containsExactly("encoding_minutes:80");
        assertThat(usage.checkThresholds(organization)).as("once per threshold and period").isEmpty();
        use(organization, UsageMetric.ENCODING_MINUTES, 15);
        assertThat(usage.checkThresholds(organization)).containsExactly("encoding_minutes:100");

        var events = dsl.selectFrom(EVENTS).where(EVENTS.ORGANIZATION_ID.eq(organization)
                .and(EVENTS.TYPE.eq("organization.usage.threshold"))).orderBy(EVENTS.CREATED_AT).fetch();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getData().data()).contains("\"threshold_percent\": 80", "\"metric\": \"encoding_minutes\"");
        assertThat(events.get(1).getData().data()).contains("\"threshold_percent\": 100", "\"hard_limit\": true");
    }

    @Test
    void the_usage_api_gives_the_key_organization_usage_only() {
        var organization = TestData.organization(dsl, "Usage API");
        var other = TestData.organization(dsl, "Someone else");
        use(organization, UsageMetric.ENCODING_MINUTES, 12.5);
        use(other, UsageMetric.ENCODING_MINUTES, 40);
        var client = HttpTestClient.withNewKey(port, apiKeys, organization, "usage reader");

        var response = client.request("GET", "/system/v1/usage").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var data = json.readTree(response.body()).get("data");
        assertThat(data.get("plan").asString()).isEqualTo("free");
        var encoding = java.util.stream.StreamSupport.stream(data.get("metrics").spliterator(), false)
                .filter(m -> m.get("metric").asString().equals("encoding_minutes")).findFirst().orElseThrow();
        assertThat(encoding.get("used").asDouble()).isEqualTo(12.5);
        assertThat(encoding.get("included").asDouble()).isEqualTo(60.0);
        assertThat(encoding.get("limit").asString()).isEqualTo("hard");

        assertThat(client.request("GET", "/system/v1/usage").anonymous().send().statusCode()).isEqualTo(401);
    }
}
