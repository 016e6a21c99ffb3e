package io.vidcastx.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.vidcastx.AppTestSupport;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Analytics page shows the environment key, and a view reported with it in every panel, filtered to one video too. */
class AnalyticsViewTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    CallerResolver callers;
    @Autowired
    io.vidcastx.developers.ApiKeyService apiKeys;
    @Autowired
    io.vidcastx.analytics.NowWatching nowWatching;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void a_reported_view_shows_on_the_analytics_page_with_the_key_to_report_more() throws Exception {
        signInAsOwner();
        startUi();
        String key = analytics.environmentKey(callers.signedIn());
        String video = "page-" + UUID.randomUUID();
        var api = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "analytics-page");
        var response = api.request("POST", "/").anonymous().header("Content-Type", "text/plain")
                .header("X-Forwarded-For", "8.8.8.8").header("User-Agent", io.vidcastx.analytics.AnalyticsTestAccess.CHROME)
                .body(("{\"events\":[{\"e\":\"viewend\",\"ake\":\"" + key + "\",\"xid\":\"" + UUID.randomUUID() + "\",\"vid\":\""
                        + video + "\",\"xwati\":90000,\"xtlctpbti\":88000,\"xtitofifr\":500}]}").getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(response.statusCode()).isEqualTo(200);
        io.vidcastx.analytics.AnalyticsTestAccess.flush(context);

        UI.getCurrent().navigate("analytics");
        assertThat(_find(CopyField.class).stream().map(CopyField::value)).contains(key);
        var panels = _get(AnalyticsPanels.class);
        panels.video.setValue(video);
        assertThat(cards()).contains("Views1", "Unique viewers1", "Watch time1.5 min", "Now watching0",
                "Startup p500.50 s", "Experience score100 / 100");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(text -> text.contains("Number Resource Organization (NRO), CC BY 4.0"));

        panels.video.setValue("no-such-video");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(text -> text.contains("Embed a video"));
    }

    @Test
    void now_watching_follows_beacons_by_itself_while_the_page_is_open() throws Exception {
        signInAsOwner();
        startUi();
        String key = analytics.environmentKey(callers.signedIn());
        String video = "watching-" + UUID.randomUUID();
        String viewId = UUID.randomUUID().toString();
        var api = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "analytics-watching");
        UI.getCurrent().navigate("analytics");
        var panels = _get(AnalyticsPanels.class);
        panels.video.setValue(video);
        assertThat(panels.nowWatching.getText()).isEqualTo("0");

        // A view starting or stopping is pushed to the open page: no poll, no click.
        assertThat(beacon(api, key, viewId, video, "playing").statusCode()).isEqualTo(200);
        awaitCount(panels, "1", false);
        assertThat(beacon(api, key, viewId, video, "pause").statusCode()).isEqualTo(200);
        awaitCount(panels, "0", false);

        // A view whose heartbeats just stop announces nothing: the page's own poll sees it go.
        Duration window = nowWatching.window();
        try {
            assertThat(beacon(api, key, UUID.randomUUID().toString(), video, "hb").statusCode()).isEqualTo(200);
            awaitCount(panels, "1", false);
            nowWatching.window(Duration.ofSeconds(1));
            assertThat(UI.getCurrent().getPollInterval()).as("the page asks the server again by itself").isBetween(1, 5000);
            awaitCount(panels, "0", true);
        } finally {
            nowWatching.window(window);
        }

        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops with the page").isEqualTo(-1);
    }

    /**
     * Waits for the counter, running what other threads pushed to the UI ({@code ui.access}) as the
     * browser's next round trip would, and firing the page's poll too when {@code polling}.
     */
    private static void awaitCount(AnalyticsPanels panels, String expected, boolean polling) {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
                    if (polling) {
                        var ui = UI.getCurrent();
                        com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new com.vaadin.flow.component.PollEvent(ui, true));
                    }
                    return panels.nowWatching.getText();
                }, expected::equals);
    }

    @Test
    void a_country_the_map_cannot_draw_is_listed_beside_it_and_a_custom_range_narrows_the_figures() throws Exception {
        signInAsOwner();
        startUi();
        String key = analytics.environmentKey(callers.signedIn());
        String video = "singapore-" + UUID.randomUUID();
        var api = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "analytics-map");
        var cities = io.vidcastx.analytics.TestGeoDatabase.write(dir.resolve("cities.mmdb"),
                io.vidcastx.analytics.TestGeoDatabase.CITIES);
        try {
            io.vidcastx.analytics.AnalyticsTestAccess.useGeoDatabase(context, cities.toString());
            assertThat(beacon(api, key, UUID.randomUUID().toString(), video, "viewend", "1.1.1.1").statusCode()).isEqualTo(200);
        } finally {
            io.vidcastx.analytics.AnalyticsTestAccess.useGeoDatabase(context, null);
        }
        io.vidcastx.analytics.AnalyticsTestAccess.flush(context);

        UI.getCurrent().navigate("analytics");
        var panels = _get(AnalyticsPanels.class);
        panels.video.setValue(video);
        var notOnMap = _find(com.vaadin.flow.component.grid.Grid.class).stream()
                .filter(grid -> grid.getAriaLabel().filter("Not on the map"::equals).isPresent()).findFirst().orElseThrow();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(notOnMap, 0)).startsWith("SG", "1");
        assertThat(_find(WorldMap.class)).hasSize(1);

        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        panels.range.setValue(AnalyticsPanels.Range.CUSTOM);
        assertThat(panels.from.isVisible()).isTrue();
        panels.from.setValue(today);
        panels.to.setValue(today);
        assertThat(cards()).contains("Views1");
        panels.from.setValue(today.minusDays(3));
        panels.to.setValue(today.minusDays(1));
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).anyMatch(text -> text.contains("No views of")
                || text.contains("No views in this range"));
    }

    private static java.net.http.HttpResponse<String> beacon(HttpTestClient api, String key, String viewId, String video,
                                                           String event) {
        return beacon(api, key, viewId, video, event, "8.8.8.8");
    }

    private static java.net.http.HttpResponse<String> beacon(HttpTestClient api, String key, String viewId, String video,
                                                           String event, String address) {
        return api.request("POST", "/").anonymous().header("Content-Type", "text/plain")
                .header("X-Forwarded-For", address).header("User-Agent", io.vidcastx.analytics.AnalyticsTestAccess.CHROME)
                .body(("{\"events\":[{\"e\":\"" + event + "\",\"ake\":\"" + key + "\",\"xid\":\"" + viewId
                        + "\",\"vid\":\"" + video + "\",\"xwati\":1000}]}").getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private java.util.List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("stat-card")).stream()
                .map(card -> card.getElement().getTextRecursively()).toList();
    }
}
