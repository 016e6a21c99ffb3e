package io.vidcastx.webhooks.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.webhooks.WebhookEndpoint;
import io.vidcastx.webhooks.WebhookEventTypes;
import io.vidcastx.webhooks.WebhookService;
import jakarta.annotation.security.PermitAll;

/** Developers > Webhooks: the organization's endpoints; an Admin or Owner adds them. */
@Route("developers/webhooks")
@PageTitle("Webhooks | Vidcastx")
@Menu(title = "Webhooks", order = 21, icon = "vaadin:connect")
@PermitAll
final class WebhooksView extends VerticalLayout {

    private final WebhookService webhooks;
    private final CallerResolver callers;
    final Grid<WebhookEndpoint> endpoints = new Grid<>(WebhookEndpoint.class, false);
    final Button addEndpoint = new Button("Add endpoint", VaadinIcon.PLUS.create());

    WebhooksView(WebhookService webhooks, CallerResolver callers) {
        this.webhooks = webhooks;
        this.callers = callers;

        endpoints.addColumn(WebhookEndpoint::url).setKey("url").setHeader("URL").setFlexGrow(3);
        endpoints.addColumn(WebhookEndpoint::description).setKey("description").setHeader("Description").setFlexGrow(2);
        endpoints.addColumn(WebhooksView::events).setKey("events").setHeader("Events").setFlexGrow(2);
        endpoints.addComponentColumn(WebhooksView::status).setKey("status").setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        endpoints.setAllRowsVisible(true);
        endpoints.setEmptyStateText("No webhook endpoints yet.");
        endpoints.addItemClickListener(click -> open(click.getItem()));

        addEndpoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addEndpoint.setVisible(callers.signedIn().may(Role.ADMIN));
        addEndpoint.addClickListener(click -> new EndpointDialog(null,
                settings -> open(webhooks.create(callers.signedIn(), settings)), added -> { }).open());

        add(new Paragraph("Vidcastx sends an HTTP POST to each endpoint when the events it chose happen, signed as "
                + "Standard Webhooks specifies (and with a Mux-Signature header). Failed deliveries are retried for about "
                + "three days."), addEndpoint, endpoints);
        refresh();
    }

    void refresh() {
        endpoints.setItems(webhooks.endpoints(callers.signedIn()));
    }

    private void open(WebhookEndpoint endpoint) {
        UI.getCurrent().navigate(WebhookEndpointView.class, endpoint.id().toString());
    }

    static String events(WebhookEndpoint endpoint) {
        return endpoint.eventTypes().size() == WebhookEventTypes.ALL.size()
                ? "All events" : String.join(", ", endpoint.eventTypes());
    }

    static Span status(WebhookEndpoint endpoint) {
        var badge = new Span();
        badge.getElement().getThemeList().add("badge");
        if (endpoint.enabled()) {
            badge.setText("Enabled");
            badge.getElement().getThemeList().add("success");
        } else if (endpoint.disabledReason() != null && endpoint.disabledReason().automatic()) {
            badge.setText("Disabled: " + WebhookDashboardNotices.why(endpoint));
            badge.getElement().getThemeList().add("error");
        } else {
            badge.setText("Disabled");
            badge.getElement().getThemeList().add("contrast");
        }
        return badge;
    }
}
