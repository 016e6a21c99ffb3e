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

/** Metering as the platform records it: storage samples, delivery minutes, thresholds, and the usage API. */
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
    DeliverySettler settler;
    @Autowired
    io.vidcastx.analytics.AnalyticsService analytics;
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
        var video = videoAt800Kbps(organization);
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

    /** A 360p rendition at 800 kbit/s: 6,000,000 served bytes are one delivery minute. */
    private io.vidcastx.db.ids.VideoId videoAt800Kbps(OrganizationId organization) {
        var video = TestData.readyVideo(dsl, organization, "Watched");
        var renditions = io.vidcastx.db.jooq.Tables.RENDITIONS;
        dsl.insertInto(renditions).set(renditions.RENDITION_ID, io.vidcastx.db.ids.RenditionId.random())
                .set(renditions.VIDEO_ID, video).set(renditions.ORGANIZATION_ID, organization).set(renditions.NAME, "360p")
                .set(renditions.KIND, "video").set(renditions.BANDWIDTH_BPS, 1_000_000)
                .set(renditions.AVERAGE_BANDWIDTH_BPS, 800_000).set(renditions.PLAYLIST_KEY, "x").execute();
        return video;
    }

    /** One view reported the way mux-embed reports it, with this much watch time so far. */
    private void reportView(OrganizationId organization, String video, long watchTimeMs) throws Exception {
        String envKey = analytics.environmentKey(caller(organization, io.vidcastx.accounts.Role.OWNER));
        String view = java.util.UUID.randomUUID().toString();
        var http = java.net.http.HttpClient.newHttpClient();
        for (var event : java.util.List.of("viewstart:0", "hb:" + watchTimeMs)) {
            String[] parts = event.split(":");
            String body = "{\"metadata\":{\"transmission_timestamp\":" + System.currentTimeMillis() + "},\"events\":[{\"e\":\""
                    + parts[0] + "\",\"ake\":\"" + envKey + "\",\"xid\":\"" + view + "\",\"vid\":\"" + video
                    + "\",\"xwati\":" + parts[1] + ",\"xtlctpbti\":" + parts[1] + ",\"mapve\":\"2.1\"}]}";
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
                            .header("Content-Type", "text/plain")
                            .header("User-Agent", io.vidcastx.analytics.AnalyticsTestAccess.CHROME)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        io.vidcastx.analytics.AnalyticsTestAccess.flush(context);
    }

    @Test
    void delivery_is_analytics_watch_time_where_players_report_views_and_served_bytes_elsewhere() throws Exception {
        var watched = TestData.organization(dsl, "Delivery by watch time");
        var unwatched = TestData.organization(dsl, "Delivery by bytes");
        var hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var watchedVideo = videoAt800Kbps(watched);
        delivery.segmentServed(watched, watchedVideo, "360p", 6_000_000);
        delivery.segmentServed(unwatched, videoAt800Kbps(unwatched), "360p", 12_000_000);
        delivery.flush();
        assertThat(used(watched, UsageMetric.DELIVERY_MINUTES)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(used(unwatched, UsageMetric.DELIVERY_MINUTES)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));

        // The watched organization's player reports 90 minutes of watch time in this hour (two views).
        reportView(watched, watchedVideo.toString(), 3_600_000);
        reportView(watched, watchedVideo.toString(), 1_800_000);
        assertThat(settler.settle(hour.plusHours(2))).as("the hour has not settled yet").isZero();
        assertThat(used(watched, UsageMetric.DELIVERY_MINUTES)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(settler.settle(hour.plusHours(3))).isPositive();
        assertThat(used(watched, UsageMetric.DELIVERY_MINUTES)).as("watch time replaced the byte estimate")
                .isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(used(unwatched, UsageMetric.DELIVERY_MINUTES)).as("no views reported: served bytes / bitrate")
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));

        settler.settle(hour.plusHours(4));
        assertThat(used(watched, UsageMetric.DELIVERY_MINUTES)).as("settled once").isCloseTo(90.0,
                org.assertj.core.data.Offset.offset(1e-9));
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
