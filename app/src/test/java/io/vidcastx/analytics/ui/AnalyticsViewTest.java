package io.vidcastx.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    private java.util.List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("stat-card")).stream()
                .map(card -> card.getElement().getTextRecursively()).toList();
    }
}
