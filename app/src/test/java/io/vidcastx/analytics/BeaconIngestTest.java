package io.vidcastx.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.NodeScripts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beacons in mux-embed's wire format (short keys, text/plain, POST to the collection domain's root)
 * become one view, enriched with the bundled country database and the user agent, read back through
 * the /data/v1 API; bad beacons get a 4xx and change nothing.
 */
class BeaconIngestTest extends AppTestSupport {

    static final String CHROME = AnalyticsTestAccess.CHROME;

    @LocalServerPort
    int port;
    @Autowired
    EnvironmentKeys keys;
    @Autowired
    BeaconIngest ingest;
    @Autowired
    NowWatching nowWatching;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @Autowired
    GeoLocator geo;
    @Autowired
    AnalyticsProperties properties;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void a_view_reported_in_beacons_appears_in_the_data_api_with_country_device_and_watch_time() throws Exception {
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics");
        String envKey = keys.keyOf(organization);
        String viewId = UUID.randomUUID().toString();
        String video = "video-" + UUID.randomUUID();

        var first = beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "viewstart", 0, null),
                batch(envKey, viewId, video, "playing", 400, 350L));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(nowWatching.count(organization, video)).isEqualTo(1);
        var last = beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "hb", 5_400, null),
                batch(envKey, viewId, video, "viewend", 5_500, null));
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(nowWatching.count(organization, video)).isZero();
        ingest.flush();

        var overall = get(api, "/data/v1/metrics/views/overall?filters[]=video_id:" + video);
        assertThat(overall.get("data").get("value").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("data").get("total_watch_time").asLong()).isEqualTo(5_500);
        var countries = get(api, "/data/v1/metrics/views/breakdown?group_by=country&filters[]=video_id:" + video);
        assertThat(countries.get("data").get(0).get("field").asString()).isEqualTo("US");
        var devices = get(api, "/data/v1/metrics/views/breakdown?group_by=device_category&filters[]=video_id:" + video);
        assertThat(devices.get("data").get(0).get("field").asString()).isEqualTo("Desktop");
        var browsers = get(api, "/data/v1/metrics/views/breakdown?group_by=browser&filters[]=video_id:" + video);
        assertThat(browsers.get("data").get(0).get("field").asString()).isEqualTo("Chrome");
        var startup = get(api, "/data/v1/metrics/video_startup_time/overall?filters[]=video_id:" + video);
        assertThat(startup.get("data").get("value").asDouble()).isEqualTo(350.0);
        var series = get(api, "/data/v1/metrics/views/timeseries?timeframe[]=24:hours&filters[]=video_id:" + video);
        assertThat(series.get("data").get(0).get(2).asLong()).isEqualTo(1);

        var views = get(api, "/data/v1/video-views?filters[]=video_id:" + video);
        assertThat(views.get("data")).hasSize(1);
        var view = get(api, "/data/v1/video-views/" + viewId).get("data");
        assertThat(view.get("video_id").asString()).isEqualTo(video);
        assertThat(view.get("country_code").asString()).isEqualTo("US");
        // Never the address: the viewer is a daily salted hash.
        assertThat(view.toString()).doesNotContain("8.8.8.8");
        assertThat(view.get("viewer_id").asString()).startsWith("d").hasSize(33);
        Integer ipColumns = dsl.fetchOne("select count(*) from information_schema.columns where table_name like 'analytics%'"
                + " and (column_name like '%ip%' or column_name like '%address%')").get(0, Integer.class);
        assertThat(ipColumns).isZero();

        // Another organization's key sees none of it.
        var other = new io.vidcastx.db.ids.OrganizationId(UUID.randomUUID());
        dsl.execute("insert into organizations (organization_id, name, slug) values (?, 'Other', ?)", other.value(),
                "other-" + other.value());
        var stranger = HttpTestClient.withNewKey(port, apiKeys, other, "stranger");
        assertThat(get(stranger, "/data/v1/metrics/views/overall?filters[]=video_id:" + video).get("data").get("value")
                .asDouble()).isZero();
        assertThat(stranger.request("GET", "/data/v1/video-views/" + viewId).send().statusCode()).isEqualTo(404);
        assertThat(api.request("GET", "/data/v1/metrics/nonsense/overall").send().statusCode()).isEqualTo(400);
        assertThat(api.request("GET", "/data/v1/video-views/unknown").send().statusCode()).isEqualTo(404);
    }

    @Test
    void the_official_mux_sdk_reads_the_metrics_with_only_its_base_url_changed() throws Exception {
        NodeScripts.assumeNode();
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-sdk");
        String envKey = keys.keyOf(organization);
        String viewId = UUID.randomUUID().toString();
        String video = "sdk-" + UUID.randomUUID();
        beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "playing", 100, 800L),
                batch(envKey, viewId, video, "viewend", 3_000, null));
        ingest.flush();
        String[] credentials = new String(java.util.Base64.getDecoder().decode(api.authorization().substring(6))).split(":", 2);

        var result = NodeScripts.run("mux-data-sdk.cjs", java.util.List.of("http://localhost:" + port, credentials[0],
                credentials[1], video), 60);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("views").asDouble()).isEqualTo(1.0);
        assertThat(report.get("watchTime").asLong()).isEqualTo(3_000);
        assertThat(report.get("startup").asDouble()).isEqualTo(800.0);
        assertThat(report.get("score").asDouble()).isEqualTo(1.0);
        assertThat(report.get("countries").toString()).isEqualTo("[[\"US\",1]]");
        assertThat(report.get("browsers").toString()).isEqualTo("[\"Chrome\"]");
        assertThat(report.get("seriesViews").asLong()).isEqualTo(1);
        assertThat(report.get("viewIds").toString()).isEqualTo("[\"" + viewId + "\"]");
        assertThat(report.get("oneView").asString()).isEqualTo("US");
        assertThat(report.get("badTimeframe").asInt()).isEqualTo(400);
    }

    @Test
    void bad_beacons_get_4xx_and_change_nothing_and_bots_are_dropped_and_counted() throws Exception {
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-bad");
        String envKey = keys.keyOf(organization);
        String video = "bad-" + UUID.randomUUID();
        String viewId = UUID.randomUUID().toString();

        assertThat(beacon(api, "8.8.4.4", CHROME, batch("unknownkey", viewId, video, "viewstart", 0, null)).statusCode())
                .isEqualTo(403);
        assertThat(post(api, "8.8.4.4", CHROME, "{\"events\": [").statusCode()).isEqualTo(400);
        assertThat(post(api, "8.8.4.4", CHROME, "{\"metadata\": {}}").statusCode()).isEqualTo(400);
        String huge = "{\"events\":[{\"e\":\"hb\",\"ake\":\"" + envKey + "\",\"xid\":\"" + viewId + "\",\"pad\":\""
                + "x".repeat(600 * 1024) + "\"}]}";
        var tooBig = post(api, "8.8.4.4", CHROME, huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("\"type\":\"payload_too_large\"");
        long botsBefore = ingest.botsDropped();
        assertThat(beacon(api, "8.8.4.4", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                batch(envKey, viewId, video, "viewstart", 0, null)).statusCode()).isEqualTo(200);
        assertThat(ingest.botsDropped()).isEqualTo(botsBefore + 1);
        ingest.flush();
        assertThat(get(api, "/data/v1/video-views?filters[]=video_id:" + video).get("data")).isEmpty();

        // A flood from one address is cut off, and another address still gets through.
        int status = 200;
        // 1,300 requests span at most two minute windows, so one of them sees more than the 600 allowed.
        for (int i = 0; i < 1300 && status == 200; i++) {
            status = beacon(api, "203.0.113.7", CHROME, batch(envKey, viewId, video, "hb", i, null)).statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(beacon(api, "203.0.113.8", CHROME, batch(envKey, viewId, video, "hb", 1, null)).statusCode()).isEqualTo(200);
    }

    @Test
    void with_a_city_level_database_views_get_their_region_and_city_and_the_address_is_still_not_kept() throws Exception {
        var cities = TestGeoDatabase.write(dir.resolve("dbip-city-ipv4.mmdb"), TestGeoDatabase.CITIES);
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-cities");
        String envKey = keys.keyOf(organization);
        String video = "city-" + UUID.randomUUID();
        String wellington = UUID.randomUUID().toString();
        String london = UUID.randomUUID().toString();
        String tokyo = UUID.randomUUID().toString();
        try {
            geo.use(cities.toString()); // what VIDCASTX_GEOIP_DATABASE does at start
            assertThat(beacon(api, "8.8.8.8", CHROME, batch(envKey, wellington, video, "viewend", 1_000, 300L)).statusCode())
                    .isEqualTo(200);
            assertThat(beacon(api, "81.2.69.160", CHROME, batch(envKey, london, video, "viewend", 1_000, 300L)).statusCode())
                    .isEqualTo(200);
            assertThat(beacon(api, "2a00:1450:4001::200e", CHROME, batch(envKey, tokyo, video, "viewend", 1_000, 300L))
                    .statusCode()).isEqualTo(200);
        } finally {
            geo.use(properties.geoipDatabase());
        }
        ingest.flush();

        var view = get(api, "/data/v1/video-views/" + wellington).get("data");
        assertThat(List.of(view.get("country_code").asString(), view.get("region").asString(), view.get("city").asString()))
                .containsExactly("NZ", "Wellington Region", "Wellington");
        view = get(api, "/data/v1/video-views/" + london).get("data");
        assertThat(List.of(view.get("country_code").asString(), view.get("region").asString(), view.get("city").asString()))
                .containsExactly("GB", "England", "London");
        view = get(api, "/data/v1/video-views/" + tokyo).get("data");
        assertThat(List.of(view.get("country_code").asString(), view.get("region").asString(), view.get("city").asString()))
                .containsExactly("JP", "Tokyo", "Chiyoda");
        assertThat(view.toString()).doesNotContain("2a00:1450");
        var countries = get(api, "/data/v1/metrics/views/breakdown?group_by=country&filters[]=video_id:" + video).get("data");
        assertThat(countries).hasSize(3);
    }

    @Test
    void a_player_that_only_loaded_is_no_view_until_the_viewer_asks_to_play() throws Exception {
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-loaded");
        String envKey = keys.keyOf(organization);
        String video = "loaded-" + UUID.randomUUID();
        String viewId = UUID.randomUUID().toString();

        // mux-embed sends these at player start, before anyone presses play, already with a view id.
        assertThat(beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "playerready", 0, null),
                batch(envKey, viewId, video, "viewinit", 0, null)).statusCode()).isEqualTo(200);
        assertThat(nowWatching.count(organization, video)).isZero();
        ingest.flush();
        assertThat(get(api, "/data/v1/metrics/views/overall?filters[]=video_id:" + video).get("data").get("value").asDouble()).isZero();
        assertThat(get(api, "/data/v1/video-views?filters[]=video_id:" + video).get("data")).isEmpty();

        // The first play: mux-embed's viewstart. From here it is a view, and it is being watched.
        assertThat(beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "viewstart", 0, null)).statusCode()).isEqualTo(200);
        assertThat(nowWatching.count(organization, video)).isEqualTo(1);
        ingest.flush();
        assertThat(get(api, "/data/v1/metrics/views/overall?filters[]=video_id:" + video).get("data").get("value").asDouble())
                .isEqualTo(1.0);
        // It never showed a frame and the viewer left: Mux's "exit before video start".
        beacon(api, "8.8.8.8", CHROME, batch(envKey, viewId, video, "viewend", 0, null));
        ingest.flush();
        assertThat(get(api, "/data/v1/metrics/exits_before_video_start/overall?filters[]=video_id:" + video).get("data")
                .get("value").asDouble()).isEqualTo(1.0);
        assertThat(nowWatching.count(organization, video)).isZero();
    }

    @Test
    void now_watching_forgets_a_view_whose_heartbeats_stop() throws Exception {
        ensureOwner();
        var organization = ownersOrganization();
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-live");
        String video = "live-" + UUID.randomUUID();
        Duration before = nowWatching.window();
        try {
            nowWatching.window(Duration.ofSeconds(1));
            beacon(api, "8.8.8.8", CHROME, batch(keys.keyOf(organization), UUID.randomUUID().toString(), video, "hb", 100, null));
            assertThat(nowWatching.count(organization, video)).isEqualTo(1);
            // the view leaves Now Watching once its last heartbeat is older than the (1 s) window
            await().atMost(Duration.ofSeconds(10)).until(() -> nowWatching.count(organization, video) == 0);
        } finally {
            nowWatching.window(before);
        }
    }

    /** Brackets percent-encoded, as the Mux SDK sends them (Tomcat refuses raw ones). */
    private JsonNode get(HttpTestClient api, String path) {
        var response = api.request("GET", path.replace("[]", "%5B%5D")).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** One event as mux-embed sends it: short keys (ake env_key, xid view_id, vid video_id, xwati view_watch_time...). */
    private static String batch(String envKey, String viewId, String video, String event, long watchMs, Long startupMs) {
        return "{\"e\":\"" + event + "\",\"ake\":\"" + envKey + "\",\"xid\":\"" + viewId + "\",\"vid\":\"" + video
                + "\",\"vtt\":\"Test video\",\"xwati\":" + watchMs + ",\"xtlctpbti\":" + watchMs + ",\"pphti\":" + watchMs
                + (startupMs == null ? "" : ",\"xtitofifr\":" + startupMs) + ",\"mapve\":\"2.1\"}";
    }

    private static HttpResponse<String> beacon(HttpTestClient api, String ip, String userAgent, String... events) {
        return post(api, ip, userAgent, "{\"metadata\":{\"transmission_timestamp\":" + System.currentTimeMillis()
                + "},\"events\":[" + String.join(",", events) + "]}");
    }

    private static HttpResponse<String> post(HttpTestClient api, String ip, String userAgent, String body) {
        return api.request("POST", "/").anonymous().header("Content-Type", "text/plain").header("X-Forwarded-For", ip)
                .header("User-Agent", userAgent).body(body.getBytes(StandardCharsets.UTF_8)).send();
    }
}
