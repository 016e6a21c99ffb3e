package io.vidcastx.billing.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.vidcastx.billing.QuotaExceededException;
import io.vidcastx.billing.UsageService;
import io.vidcastx.db.ids.OrganizationId;

/**
 * Says, where uploads start, that a hard limit is used up: the same words the API gives with 402,
 * and a link to upgrade. Hidden while the organization is within its limits.
 */
public class QuotaNotice extends Div {

    final Span message = new Span();
    final Anchor upgrade = new Anchor("settings/billing", "Upgrade your plan");

    public QuotaNotice(UsageService usage, OrganizationId organizationId) {
        addClassName("vx-quota-notice");
        getElement().setAttribute("role", "alert");
        getStyle().set("border", "1px solid var(--lumo-error-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("color", "var(--lumo-error-text-color)")
                .set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center");
        add(message, upgrade);
        try {
            usage.requireWithinHardLimits(organizationId, "upload videos");
            setVisible(false);
        } catch (QuotaExceededException e) {
            message.setText(String.join(" ", e.messages()));
        }
    }
}
