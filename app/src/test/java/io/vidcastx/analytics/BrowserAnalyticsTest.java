package io.vidcastx.analytics;

import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.RealHls;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Chromium plays an embedded video inside an iframe on another origin; the embed page's
 * unmodified mux-embed reports it. The owner's open video page counts it in Now Watching by itself and
 * drops it after the viewer leaves; the Data API and the pages then show that one view with the
 * viewer's country (trusted X-Forwarded-For, resolved with an MMDB the test writes), device and
 * browser, and the seconds actually watched.
 */
class BrowserAnalyticsTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    BeaconIngest ingest;
    @Autowired
    JsonMapper json;
    @Autowired
    GeoLocator geo;
    @Autowired
    AnalyticsProperties properties;
    @TempDir
    Path dir;

    @Test
    void a_video_played_on_another_site_shows_as_one_view_from_the_viewers_country_device_and_browser() throws Exception {
        NodeScripts.assumeChromium();
        // 8.8.8.8 is in New Zealand here (the bundled data says US), so the view's place shows which file answered.
        Path cities = TestGeoDatabase.write(dir.resolve("dbip-city-test.mmdb"), TestGeoDatabase.CITIES);
        ensureOwner();
        var organization = ownersOrganization();
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        RealHls.store(runner, ffmpeg, storage, id, dir);
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Analytics embed").set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.WIDTH, 640).set(VIDEOS.HEIGHT, 360).set(VIDEOS.ASPECT_RATIO, "16:9")
                .set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "360p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 640).set(RENDITIONS.HEIGHT, 360)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
        String appBase = "http://localhost:" + port;
        var api = HttpTestClient.withNewKey(port, apiKeys, organization, "analytics-browser");
        String[] credentials = new String(java.util.Base64.getDecoder().decode(api.authorization().substring(6))).split(":", 2);
        Path snippet = Files.writeString(dir.resolve("site.html"), "<iframe src=\"" + appBase + "/embed/" + playbackId
                + "\" style=\"width:640px;height:360px;border:0\" allow=\"autoplay; fullscreen\"></iframe>");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        NodeScripts.Result result;
        try {
            // Now Watching keeps its 30 s window: the "0 within 40 s of the page closing" is checked as is.
            geo.use(cities.toString());
            result = NodeScripts.run("browser-analytics.cjs", List.of(appBase, snippet.toString(), credentials[0], credentials[1],
                    id.toString(), shots.toString(), OWNER_EMAIL, OWNER_PASSWORD), 240);
        } finally {
            geo.use(properties.geoipDatabase());
            dsl.deleteFrom(RENDITIONS).where(RENDITIONS.VIDEO_ID.eq(id)).execute();
            dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        }

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("errors")).as("console errors (CSP violations included)").isEmpty();
        assertThat(report.get("beacons").get(0).asString()).isEqualTo(appBase + "/");
        assertThat(report.get("pageWatchingBefore").asInt()).isZero();
        assertThat(report.get("pageWatchingWhilePlaying").asInt()).as("the video page's counter, untouched").isEqualTo(1);
        assertThat(report.get("watchingWhilePlaying").asInt()).isEqualTo(1);
        assertThat(report.get("watchingAfterClose").asInt()).isZero();
        assertThat(report.get("pageWatchingAfterClose").asInt()).isZero();
        assertThat(report.get("secondsToZero").asDouble()).isLessThan(40);
        assertThat(report.get("pageSecondsToZero").asDouble()).isLessThan(40);
        ingest.flush();

        String filter = "filters%5B%5D=video_id:" + id;
        assertThat(get(api, "/data/v1/metrics/views/overall?" + filter).get("data").get("value").asDouble()).isEqualTo(1.0);
        var views = get(api, "/data/v1/video-views?" + filter).get("data");
        assertThat(views).hasSize(1);
        var view = views.get(0);
        assertThat(view.get("country_code").asString()).isEqualTo("NZ");
        assertThat(view.get("region").asString()).isEqualTo("Wellington Region");
        assertThat(view.get("city").asString()).isEqualTo("Wellington");
        assertThat(view.get("viewer_device_category").asString()).isEqualTo("Desktop");
        assertThat(view.get("browser").asString()).isEqualTo("Chrome");
        double played = report.get("played").asDouble();
        assertThat(view.get("playing_time").asLong() / 1000.0).as("seconds of content played").isCloseTo(played, Offset.offset(2.0));
        assertThat(view.get("time_to_first_frame").isNull()).isFalse();

        // The video's page shows the view in its panels, and passes WCAG 2.1 AA with data in them.
        var page = report.get("videoPage");
        assertThat(texts(page.get("cards"))).contains("Views 1", "Unique viewers 1");
        assertThat(texts(page.get("countries"))).contains("NZ");
        assertThat(texts(page.get("browsers"))).contains("Chrome");
        assertThat(texts(page.get("devices"))).contains("Desktop");
        assertThat(page.get("axe")).as("axe-core violations on the video page with analytics").isEmpty();

        // The Analytics page draws the chart and the map (the viewer's country coloured) without errors.
        assertThat(report.get("dashboardErrors")).as("console errors on the dashboard pages").isEmpty();
        assertThat(report.get("mapRegions").asInt()).isGreaterThan(150);
        assertThat(report.get("countryFills").get("NZ").asString()).as("the viewer's country is shaded by its views")
                .isIn(io.vidcastx.analytics.ui.WorldMap.SHADES);
        assertThat(texts(report.get("cards"))).anyMatch(card -> card.startsWith("Now watching"));
        assertThat(report.get("paragraphs").toString()).as("the city file's licence credit").contains("IP Geolocation by DB-IP");
        assertThat(report.get("analyticsAxe")).as("axe-core violations on the Analytics page with data").isEmpty();
    }

    /** Texts as a person reads them: runs of white space (the line breaks between label and figure) as one space. */
    private static List<String> texts(JsonNode array) {
        var texts = new java.util.ArrayList<String>();
        array.forEach(item -> texts.add(item.asString().replaceAll("\\s+", " ").trim()));
        return texts;
    }

    private JsonNode get(HttpTestClient api, String path) {
        var response = api.request("GET", path).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
