package io.vidcastx.analytics.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.security.CallerResolver;
import jakarta.annotation.security.PermitAll;

/** Views, watch time, audience by country and device, and playback quality for the whole organization. */
@Route("analytics")
@PageTitle("Analytics | Vidcastx")
@Menu(title = "Analytics", order = 10, icon = "vaadin:chart")
@PermitAll
final class AnalyticsView extends VerticalLayout {

    AnalyticsView(AnalyticsService analytics, CallerResolver callers) {
        var caller = callers.signedIn();
        String key = analytics.environmentKey(caller);
        add(new H2("Analytics"),
                new Paragraph("Embedded videos report their views here. Players already using Mux Data (hls.js with"
                        + " mux-embed, videojs-mux, Mux Player) report here too: give them this environment key as env_key"
                        + " and this server's host as beaconCollectionDomain."),
                new CopyField("Environment key", key, false),
                new AnalyticsPanels(analytics, caller, null));
    }
}
