package io.vidcastx.analytics.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.vidcastx.analytics.AnalyticsData;
import io.vidcastx.analytics.AnalyticsQuery;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.analytics.Totals;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The analytics panels: time range and filters, views over time, geography, devices, browsers,
 * quality and Now Watching. The Analytics page shows them for the organization; a video's page for
 * that video only ({@code videoRef}). Every figure comes from the rollups.
 */
public final class AnalyticsPanels extends VerticalLayout {

    enum Range {
        DAY("Last 24 hours", Duration.ofHours(24)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30)), CUSTOM("Custom", Duration.ZERO);

        final String label;
        final Duration duration;

        Range(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }
    }

    private final AnalyticsService analytics;
    private final Caller caller;
    private final @Nullable String videoRef;
    final Select<Range> range = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final ComboBox<String> video = new ComboBox<>("Video");
    final ComboBox<String> country = new ComboBox<>("Country");
    final ComboBox<String> device = new ComboBox<>("Device");
    final Span nowWatching = new Span("0");
    private final VerticalLayout content = new VerticalLayout();
    /** How often an open page asks for the Now Watching count (views ageing out of the window announce nothing). */
    static final int POLL_MILLIS = 5000;
    private Runnable live = () -> { };
    private boolean refreshing;

    public AnalyticsPanels(AnalyticsService analytics, Caller caller, @Nullable String videoRef) {
        this.analytics = analytics;
        this.caller = caller;
        this.videoRef = videoRef;
        setPadding(false);
        addClassName("analytics-panels");
        range.setLabel("Time range");
        range.setItems(Range.values());
        range.setItemLabelGenerator(r -> r.label);
        range.setValue(Range.DAY);
        from.setVisible(false);
        to.setVisible(false);
        from.setValue(LocalDate.now(ZoneOffset.UTC).minusDays(7));
        to.setValue(LocalDate.now(ZoneOffset.UTC));
        range.addValueChangeListener(e -> {
            from.setVisible(e.getValue() == Range.CUSTOM);
            to.setVisible(e.getValue() == Range.CUSTOM);
            refresh();
        });
        for (var field : List.of(video, country, device)) {
            field.setClearButtonVisible(true);
            field.setPlaceholder("All");
            field.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        video.setVisible(videoRef == null);
        nowWatching.addClassName("now-watching-count");
        nowWatching.getStyle().set("font-size", "1.6em").set("font-weight", "600").set("display", "block");
        var filters = new HorizontalLayout(range, from, to, video, country, device);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        content.setPadding(false);
        add(filters, content);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Now Watching follows the beacons: a view starting or stopping is pushed at once; a view whose
        // heartbeats merely stop sends nothing, so the page also asks again every few seconds.
        var ui = attachEvent.getUI();
        var unsubscribe = analytics.onNowWatchingChange(caller, () -> ui.access(this::updateNowWatching));
        ui.setPollInterval(POLL_MILLIS);
        var poll = ui.addPollListener(e -> updateNowWatching());
        live = () -> {
            unsubscribe.run();
            poll.remove();
        };
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        live.run();
        detachEvent.getUI().setPollInterval(-1);
    }

    AnalyticsQuery query() {
        Instant now = Instant.now();
        AnalyticsQuery query;
        if (range.getValue() == Range.CUSTOM && from.getValue() != null && to.getValue() != null
                && !from.getValue().isAfter(to.getValue())) {
            query = new AnalyticsQuery(caller.organizationId(), from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), null, null, null, null, null);
        } else {
            var chosen = range.getValue() == null || range.getValue() == Range.CUSTOM ? Range.DAY : range.getValue();
            query = AnalyticsQuery.last(caller.organizationId(), chosen.duration, now);
        }
        return query.withVideo(videoRef != null ? videoRef : video.getValue()).withCountry(country.getValue())
                .withDeviceClass(device.getValue());
    }

    void refresh() {
        if (refreshing) {
            return; // refreshing updates the filters' choices, which fires their listeners
        }
        refreshing = true;
        try {
            draw();
        } finally {
            refreshing = false;
        }
    }

    private void draw() {
        content.removeAll();
        var query = query();
        Totals totals = analytics.totals(caller, query);
        var unfiltered = query.withCountry(null).withDeviceClass(null);
        keepChoices(video, analytics.breakdown(caller, unfiltered.withVideo(videoRef), AnalyticsData.Dimension.VIDEO, 200));
        keepChoices(country, analytics.breakdown(caller, unfiltered, AnalyticsData.Dimension.COUNTRY, 250));
        keepChoices(device, analytics.breakdown(caller, unfiltered, AnalyticsData.Dimension.DEVICE_CLASS, 50));
        updateNowWatching();
        content.add(wrapping(card("Views", String.valueOf(totals.views())),
                card("Unique viewers", String.valueOf(totals.uniqueViewers())),
                card("Watch time", minutes(totals.watchTimeMs())), nowWatchingCard()));
        if (totals.views() == 0) {
            var empty = new Paragraph(videoRef == null
                    ? "No views in this range yet. Embed a video (each video's page has the embed code) to start collecting"
                    + " views; players already using Mux Data report here too with this page's environment key."
                    : "No views of this video in this range yet. Share its embed code to start collecting views.");
            empty.addClassName("analytics-empty");
            content.add(empty);
            return;
        }
        var points = withEmptyBuckets(analytics.timeseries(caller, query), query);
        content.add(new H3("Views over time"), Chart.timeLines("Views, unique viewers and watch time over time",
                points.stream().map(p -> p.at().toString()).toList(),
                List.of(new Chart.Series("Views", points.stream().map(p -> p.totals().views()).toList()),
                        new Chart.Series("Unique viewers", points.stream().map(p -> p.totals().uniqueViewers()).toList()),
                        new Chart.Series("Watch time (min)", points.stream()
                                .map(p -> Math.round(p.totals().watchTimeMs() / 600.0) / 100.0).toList()))));
        geography(query);
        devices(query);
        quality(query, totals);
    }

    /** Every hour (up to 3 days) or day of the range, zero where nothing was watched, so that lines are drawn. */
    private static List<AnalyticsData.Point> withEmptyBuckets(List<AnalyticsData.Point> points, AnalyticsQuery query) {
        boolean hourly = Duration.between(query.from(), query.to()).compareTo(Duration.ofDays(3)) <= 0;
        var unit = hourly ? java.time.temporal.ChronoUnit.HOURS : java.time.temporal.ChronoUnit.DAYS;
        var byTime = new LinkedHashMap<Instant, AnalyticsData.Point>();
        for (var at = query.from().truncatedTo(unit); at.isBefore(query.to()); at = at.plus(1, unit)) {
            byTime.put(at, new AnalyticsData.Point(at, Totals.NONE));
        }
        points.forEach(point -> byTime.put(point.at(), point));
        return List.copyOf(byTime.values());
    }

    private void geography(AnalyticsQuery query) {
        var countries = analytics.breakdown(caller, query, AnalyticsData.Dimension.COUNTRY, 250);
        var byCountry = new LinkedHashMap<String, Long>();
        countries.forEach(row -> byCountry.put(row.value(), row.totals().views()));
        var top = grid("Top countries", countries.stream().limit(10).toList(), "Country");
        var missing = countries.stream().filter(row -> WorldMap.NOT_ON_MAP.contains(row.value())).toList();
        var side = new VerticalLayout(top);
        side.setPadding(false);
        if (!missing.isEmpty()) {
            side.add(grid("Not on the map", missing, "Country"));
        }
        var map = new WorldMap(byCountry);
        var row = new HorizontalLayout(map, side);
        row.setWidthFull();
        row.setFlexGrow(2, map);
        row.setFlexGrow(1, side);
        content.add(new H3("Geography"), row, new Paragraph(
                "Countries from the IP address at the time of the view (the address itself is never stored). "
                        + analytics.placeDataCredit()));
    }

    private void devices(AnalyticsQuery query) {
        var classes = analytics.breakdown(caller, query, AnalyticsData.Dimension.DEVICE_CLASS, 10);
        var systems = analytics.breakdown(caller, query, AnalyticsData.Dimension.OS, 10);
        var browsers = analytics.breakdown(caller, query, AnalyticsData.Dimension.BROWSER, 20);
        var donuts = new HorizontalLayout(
                titled("Devices", Chart.donut("Views by device", classes.stream().map(AnalyticsData.Breakdown::value).toList(),
                        classes.stream().map(r -> r.totals().views()).toList())),
                titled("Operating systems", Chart.donut("Views by operating system",
                        systems.stream().map(AnalyticsData.Breakdown::value).toList(),
                        systems.stream().map(r -> r.totals().views()).toList())),
                grid("Browsers", browsers, "Browser"));
        donuts.setWidthFull();
        content.add(new H3("Devices"), donuts);
    }

    private void quality(AnalyticsQuery query, Totals totals) {
        var percentiles = analytics.startupPercentiles(caller, query);
        content.add(new H3("Quality"), wrapping(
                card("Startup p50", percentiles == null ? "–" : seconds(percentiles.p50())),
                card("Startup p95", percentiles == null ? "–" : seconds(percentiles.p95())),
                card("Rebuffering", percent(totals.rebufferRatio())),
                card("Playback failures", percent(totals.failureRatio())),
                card("Exits before start", String.valueOf(totals.exitsBeforeStart())),
                card("Experience score", String.format(Locale.ROOT, "%.0f / 100", 100 * totals.experienceScore()))),
                new Paragraph("The experience score is 100 when every view starts within 2 s, never rebuffers and never"
                        + " fails. Failed views take away their share; every 1 % of watch time spent rebuffering takes away"
                        + " 5 points in 100; startup beyond 2 s scales the score by 2 s / startup time (4 s halves it)."));
    }

    private void updateNowWatching() {
        nowWatching.setText(String.valueOf(analytics.nowWatching(caller, videoRef != null ? videoRef : video.getValue())));
    }

    private static FlexLayout wrapping(com.vaadin.flow.component.Component... cards) {
        var layout = new FlexLayout(cards);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        return layout;
    }

    private Div nowWatchingCard() {
        var card = new Div(new Span("Now watching"), nowWatching);
        card.addClassName("stat-card");
        style(card);
        return card;
    }

    private static Div card(String label, String value) {
        var figure = new Span(value);
        figure.getStyle().set("font-size", "1.6em").set("font-weight", "600").set("display", "block");
        var card = new Div(new Span(label), figure);
        card.addClassName("stat-card");
        style(card);
        return card;
    }

    private static void style(Div card) {
        card.getStyle().set("padding", "var(--lumo-space-m)").set("margin", "0 var(--lumo-space-s) var(--lumo-space-s) 0")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("min-width", "9em");
    }

    private static VerticalLayout titled(String title, Chart chart) {
        var layout = new VerticalLayout(new Span(title), chart);
        layout.setPadding(false);
        return layout;
    }

    private static VerticalLayout grid(String title, List<AnalyticsData.Breakdown> rows, String header) {
        var grid = new Grid<AnalyticsData.Breakdown>();
        // "ZZ": no country known (a private address, or none in the IP database).
        grid.addColumn(row -> "ZZ".equals(row.value()) ? "Unknown" : row.value()).setHeader(header);
        grid.addColumn(row -> row.totals().views()).setHeader("Views");
        grid.addColumn(row -> minutes(row.totals().watchTimeMs())).setHeader("Watch time");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(title);
        var layout = new VerticalLayout(new Span(title), grid);
        layout.setPadding(false);
        return layout;
    }

    private static void keepChoices(ComboBox<String> field, List<AnalyticsData.Breakdown> rows) {
        var values = new java.util.ArrayList<>(rows.stream().map(AnalyticsData.Breakdown::value).toList());
        if (field.getValue() != null && !values.contains(field.getValue())) {
            values.add(field.getValue());
        }
        var current = field.getValue();
        field.setItems(values);
        field.setValue(current);
    }

    static String minutes(long ms) {
        return AnalyticsService.duration(ms);
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }
}
