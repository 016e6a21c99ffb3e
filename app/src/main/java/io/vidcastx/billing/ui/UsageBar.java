package io.vidcastx.billing.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import io.vidcastx.billing.UsageSummary;

/**
 * One metric's usage against its included amount. The bar turns amber at 80% and red at 100%, and
 * the words say so too (colour is never the only signal).
 */
public class UsageBar extends Div {

    final ProgressBar bar = new ProgressBar(0, 1);
    final Span figures = new Span();
    final Span state = new Span();

    public UsageBar(UsageSummary.MetricUsage usage) {
        addClassName("vx-usage-bar");
        getStyle().set("display", "grid").set("grid-template-columns", "14rem 1fr 16rem").set("gap", "var(--lumo-space-m)")
                .set("align-items", "center").set("width", "100%");
        var label = new Span(usage.metric().label());
        label.getStyle().set("font-weight", "600");
        double percent = usage.percent();
        bar.setValue(Math.min(1, percent / 100));
        bar.getElement().setAttribute("aria-label", usage.metric().label() + " used");
        figures.setText(usage.included() == null
                ? amount(usage.used()) + " " + usage.metric().unit() + " · no limit"
                : amount(usage.used()) + " / " + amount(usage.included()) + " " + usage.metric().unit()
                  + String.format(Locale.ROOT, " (%.0f%%)", percent));
        if (percent >= 100) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            state.setText(usage.hard() ? "Limit reached: new uploads are refused" : "Included amount used up");
            state.getStyle().set("color", "var(--lumo-error-text-color)");
        } else if (percent >= 80) {
            bar.getStyle().set("--lumo-primary-color", "#b45309"); // amber; the text below says it in words
            state.setText("Over 80% used");
            state.getStyle().set("color", "#92400e");
        }
        var numbers = new Div(figures, state);
        numbers.getStyle().set("display", "flex").set("flex-direction", "column").set("font-size", "var(--lumo-font-size-s)");
        add(label, bar, numbers);
    }

    static String amount(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
