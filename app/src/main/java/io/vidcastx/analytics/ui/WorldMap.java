package io.vidcastx.analytics.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * A world map coloured by views per country: jsvectormap 1.7.0 (MIT) and its world map, served from
 * our static files. That map has no shapes for a few small countries; {@link #NOT_ON_MAP} lists them
 * so the page can show their figures in a table beside it.
 */
@Tag("div")
public final class WorldMap extends Component {

    /** ISO codes the jsvectormap 1.7.0 world map lacks. */
    public static final Set<String> NOT_ON_MAP = Set.of("SG", "HK", "MT", "BH", "MC", "XK");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Five shades, lightest for the fewest views; a country's shade is its share of the busiest country's views. */
    public static final List<String> SHADES = List.of("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c");

    private final Map<String, String> shadeByCountry = new java.util.HashMap<>();
    private final Map<String, Long> viewsByCountry;

    public WorldMap(Map<String, Long> viewsByCountry) {
        this.viewsByCountry = Map.copyOf(viewsByCountry);
        long most = viewsByCountry.values().stream().mapToLong(Long::longValue).max().orElse(1);
        viewsByCountry.forEach((country, views) -> shadeByCountry.put(country,
                String.valueOf(Math.min(SHADES.size() - 1, (int) (SHADES.size() * views / (double) Math.max(1, most) - 1e-9)))));
        setId("world-map-" + IDS.incrementAndGet());
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", "World map of views by country");
        getStyle().set("width", "100%").set("height", "320px");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addStyleSheet("context://vidcastx/jsvectormap.min.css");
        // The world map registers itself on the library's global, so the two load in order, once per page.
        var scale = new LinkedHashMap<String, String>();
        for (int i = 0; i < SHADES.size(); i++) {
            scale.put(String.valueOf(i), SHADES.get(i));
        }
        getElement().executeJs("const el = this; const shades = JSON.parse($0); const values = JSON.parse($1);"
                + " const scale = JSON.parse($2);"
                + " const load = (src) => new Promise((ok, fail) => { const s = document.createElement('script');"
                + " s.src = src; s.onload = ok; s.onerror = fail; document.head.append(s); });"
                + " window.__vidcastxMap = window.__vidcastxMap || load('vidcastx/jsvectormap.min.js')"
                + ".then(() => load('vidcastx/jsvectormap-world.js'));"
                + " window.__vidcastxMap.then(() => { el.innerHTML = ''; new jsVectorMap({ selector: '#' + el.id, map: 'world',"
                + " zoomButtons: false, regionStyle: { initial: { fill: '#e3e8ef' } },"
                + " series: { regions: [{ attribute: 'fill', values: shades, scale: scale }] },"
                + " onRegionTooltipShow(event, tooltip, code) { tooltip.text(tooltip.text() + ': ' + (values[code] || 0) + ' views'); } });"
                + " });", JSON.writeValueAsString(shadeByCountry), JSON.writeValueAsString(viewsByCountry),
                JSON.writeValueAsString(scale));
    }
}
