package io.vidcastx.billing.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.vidcastx.billing.UsageSummary;
import io.vidcastx.core.usage.UsageMetric;

/** Home's card of metered encoding minutes this period against the plan's included minutes. */
public final class EncodingCard {

    private EncodingCard() {
    }

    public static Component of(UsageSummary summary) {
        var encoding = summary.metric(UsageMetric.ENCODING_MINUTES).orElseThrow();
        var value = new Span(encoding.included() == null
                ? UsageBar.amount(encoding.used()) + " min"
                : UsageBar.amount(encoding.used()) + " / " + UsageBar.amount(encoding.included()) + " min");
        value.addClassName("stat-value");
        var label = new Div("Encoding this period");
        label.addClassName("stat-label");
        String plan = summary.plan().title() != null ? summary.plan().title() : summary.planId();
        var note = new Div(new Span(encoding.included() == null ? "the " + plan + " plan sets no limit · "
                : String.format(Locale.ROOT, "%.0f%% of the %s plan · ", encoding.percent(), plan)),
                new Anchor("settings/billing", "Billing"));
        note.addClassName("stat-note");
        var card = new Div(label, value, note);
        card.addClassName("stat-card");
        card.addClassName("vx-encoding-card");
        return card;
    }
}
