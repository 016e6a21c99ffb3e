package io.vidcastx.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import io.vidcastx.AppTestSupport;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomeViewTest extends AppTestSupport {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void clean() {
        signInAsOwner();
        dsl.deleteFrom(VIDEOS).execute();
        dsl.execute("delete from analytics_hourly"); // views other tests reported today
        dsl.execute("delete from analytics_daily");
        dsl.execute("delete from analytics_views"); // rollups are recomputed from these
    }

    @Test
    void views_and_watch_time_today_count_a_view_a_player_reported() throws Exception {
        startUi();
        String key = context.getBean(io.vidcastx.analytics.AnalyticsService.class)
                .environmentKey(context.getBean(io.vidcastx.security.CallerResolver.class).signedIn());
        var api = io.vidcastx.testing.HttpTestClient.withNewKey(port, context.getBean(io.vidcastx.developers.ApiKeyService.class),
                ownersOrganization(), "home-views");
        var response = api.request("POST", "/").anonymous().header("Content-Type", "text/plain")
                .header("User-Agent", io.vidcastx.analytics.AnalyticsTestAccess.CHROME)
                .body(("{\"events\":[{\"e\":\"viewend\",\"ake\":\"" + key + "\",\"xid\":\"" + UUID.randomUUID()
                        + "\",\"vid\":\"home-video\",\"xwati\":90000,\"xtlctpbti\":88000}]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertThat(response.statusCode()).isEqualTo(200);
        io.vidcastx.analytics.AnalyticsTestAccess.flush(context);

        UI.getCurrent().navigate("");

        assertThat(cards()).contains("Views today1watch time today: 1.5 min");
    }

    private java.util.List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("stat-card")).stream()
                .map(card -> card.getElement().getTextRecursively()).toList();
    }

    @Test
    void a_new_organization_is_guided_to_upload_and_sees_real_zeros() {
        startUi();
        UI.getCurrent().navigate("");

        assertThat(_find(H2.class).stream().map(H2::getText)).contains("Upload your first video");
        assertThat(cards()).containsExactly("Storage used0 Bsources and renditions",
                "Videos00 ready · 0 processing · 0 failed", "Encoding this period0 / 60 min0% of the Free plan · Billing",
                "Views today0watch time today: 0 s");
    }

    @Test
    void the_figures_come_from_the_organizations_videos() {
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        for (int i = 0; i < 2; i++) {
            dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, VideoId.random()).set(VIDEOS.ORGANIZATION_ID, organization)
                    .set(VIDEOS.TITLE, "Ready " + i).set(VIDEOS.STATUS, "ready").set(VIDEOS.DURATION_SECONDS, 90.0)
                    .set(VIDEOS.SIZE_BYTES, 1024L * 1024).set(VIDEOS.OUTPUT_BYTES, 1024L * 1024)
                    .set(VIDEOS.READY_AT, OffsetDateTime.now())
                    .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", "")).execute();
        }
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, VideoId.random()).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Broken").set(VIDEOS.STATUS, "failed")
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", "")).execute();
        // Encoding minutes are what the transcodes metered (billing), against the plan's included minutes.
        var usage = io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
        context.getBean(io.vidcastx.core.usage.UsageMeter.class).record(organization,
                io.vidcastx.core.usage.UsageMetric.ENCODING_MINUTES, "test:home", 3.0);
        try {
            startUi();
            UI.getCurrent().navigate("");
        } finally {
            dsl.deleteFrom(usage).where(usage.SOURCE_KEY.eq("test:home")).execute();
        }

        assertThat(_find(H2.class).stream().map(H2::getText)).doesNotContain("Upload your first video");
        assertThat(cards()).containsExactly("Storage used4.0 MBsources and renditions",
                "Videos32 ready · 0 processing · 1 failed", "Encoding this period3 / 60 min5% of the Free plan · Billing",
                "Views today0watch time today: 0 s");
    }
}
