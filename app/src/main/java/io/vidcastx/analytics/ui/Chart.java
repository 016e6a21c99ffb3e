package io.vidcastx.analytics.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * An ApexCharts 4.7.0 chart (the last MIT release, served from our static files, ADR 0005) built
 * from typed series in Java. Only the two kinds the analytics pages use: a time line and a donut.
 */
@Tag("div")
public final class Chart extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line of a time chart: a name and one value per x label. */
    public record Series(String name, List<? extends Number> values) {
    }

    private final Map<String, Object> options;

    private Chart(Map<String, Object> options, String label) {
        this.options = options;
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        getStyle().set("width", "100%").set("min-height", "260px");
    }

    /** Lines over time; {@code times} are ISO instants (the x axis shows them in the viewer's time zone). */
    public static Chart timeLines(String label, List<String> times, List<Series> series) {
        var options = base("line");
        options.put("series", series.stream().map(s -> Map.of("name", s.name(), "data", s.values())).toList());
        options.put("xaxis", Map.of("type", "datetime", "categories", times, "labels", Map.of("datetimeUTC", false)));
        options.put("stroke", Map.of("width", 2, "curve", "smooth"));
        options.put("yaxis", series.stream().map(s -> Map.of("title", Map.of("text", s.name()), "min", 0,
                "opposite", series.indexOf(s) > 0, "decimalsInFloat", 0)).toList());
        return new Chart(options, label);
    }

    /** Shares of a whole, one slice per label. */
    public static Chart donut(String label, List<String> labels, List<? extends Number> values) {
        var options = base("donut");
        options.put("series", values);
        options.put("labels", labels);
        options.put("legend", Map.of("position", "bottom"));
        return new Chart(options, label);
    }

    private static Map<String, Object> base(String type) {
        var options = new LinkedHashMap<String, Object>();
        options.put("chart", Map.of("type", type, "height", 260, "toolbar", Map.of("show", false), "animations",
                Map.of("enabled", false)));
        return options;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/apexcharts.min.js");
        getElement().executeJs("const el = this; const go = () => { if (!window.ApexCharts) { setTimeout(go, 50); return; }"
                + " if (el.__chart) el.__chart.destroy(); el.__chart = new ApexCharts(el, JSON.parse($0));"
                + " el.__chart.render(); }; go();", JSON.writeValueAsString(options));
    }
}
