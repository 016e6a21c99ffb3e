package io.vidcastx.home.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.videos.HomeStats;
import io.vidcastx.videos.VideoService;
import io.vidcastx.core.videos.VideoStatus;
import jakarta.annotation.security.PermitAll;

/** The overview: real figures from the database, and a first step for a new organization. */
@Route("")
@PageTitle("Home | Vidcastx")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
final class HomeView extends VerticalLayout {

    HomeView(VideoService videos, CallerResolver callers, io.vidcastx.billing.UsageService usage,
             AnalyticsService analytics) {
        var caller = callers.signedIn();
        HomeStats stats = videos.homeStats(caller);
        addClassName("home-view");
        if (stats.total() == 0) {
            var firstRun = new Div(new H2("Upload your first video"),
                    new Paragraph("Drop a file on the Videos page, or create a direct upload with the API. "
                            + "It is transcoded to adaptive HLS and ready to embed in minutes."),
                    new Anchor("videos", "Go to Videos →"));
            firstRun.addClassName("first-run");
            add(firstRun);
        }
        var viewsToday = analytics.today(caller);
        var cards = new Div(
                card("Storage used", bytes(stats.storageBytes()), "sources and renditions"),
                card("Videos", String.valueOf(stats.total()), stats.byStatus().get(VideoStatus.READY) + " ready · "
                        + stats.byStatus().get(VideoStatus.PROCESSING) + " processing · "
                        + stats.byStatus().get(VideoStatus.FAILED) + " failed"),
                io.vidcastx.billing.ui.EncodingCard.of(usage.usage(caller)),
                card("Views today", String.valueOf(viewsToday.views()),
                        "watch time today: " + AnalyticsService.duration(viewsToday.watchTimeMs())));
        cards.addClassName("stat-cards");
        add(cards, new H3("Recent videos"));
        if (stats.recent().isEmpty()) {
            add(new Paragraph("Nothing yet."));
        }
        for (var video : stats.recent()) {
            var row = new Div(new Anchor("videos/" + video.id(), video.title()),
                    new Span(" · " + video.status().name().toLowerCase(Locale.ROOT)));
            row.addClassName("recent-video");
            add(row);
        }
    }

    private static Component card(String label, String value, String note) {
        var valueSpan = new Div(value);
        valueSpan.addClassName("stat-value");
        var labelDiv = new Div(label);
        labelDiv.addClassName("stat-label");
        var noteDiv = new Div(note);
        noteDiv.addClassName("stat-note");
        var card = new Div(labelDiv, valueSpan, noteDiv);
        card.addClassName("stat-card");
        return card;
    }

    static String bytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
