package io.vidcastx.webhooks.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.WebhookEndpointId;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.webhooks.WebhookEndpoint;
import io.vidcastx.webhooks.WebhookService;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint: its settings, its signing secret (Admins), enable/disable, rotate, test, delete, and
 * the log of its deliveries.
 */
@Route("developers/webhooks/endpoint")
@PageTitle("Webhook endpoint | Vidcastx")
@PermitAll
final class WebhookEndpointView extends VerticalLayout implements HasUrlParameter<String> {

    private final WebhookService webhooks;
    private final CallerResolver callers;
    private final boolean admin;
    private @Nullable WebhookEndpoint endpoint;
    final H2 url = new H2();
    final Paragraph details = new Paragraph();
    final Button edit = new Button("Edit", VaadinIcon.EDIT.create());
    final Button toggle = new Button();
    final Button sendTest = new Button("Send test event", VaadinIcon.PAPERPLANE.create());
    final Button revealSecret = new Button("Show signing secret", VaadinIcon.KEY.create());
    final Button rotateSecret = new Button("Rotate secret", VaadinIcon.REFRESH.create());
    final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    final Button refreshLog = new Button("Refresh", VaadinIcon.REFRESH.create());
    final TextField secret = new TextField("Signing secret");
    @Nullable DeliveryLog log;

    WebhookEndpointView(WebhookService webhooks, CallerResolver callers) {
        this.webhooks = webhooks;
        this.callers = callers;
        this.admin = callers.signedIn().may(Role.ADMIN);
        secret.setReadOnly(true);
        secret.setVisible(false);
        secret.setWidth("40rem");
        secret.addClassName("webhook-secret");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var actions = new HorizontalLayout(edit, toggle, sendTest, revealSecret, rotateSecret, delete);
        actions.setVisible(admin);
        actions.setWrap(true);
        edit.addClickListener(click -> new EndpointDialog(current(),
                settings -> webhooks.update(callers.signedIn(), current().id(), current().version(), settings), saved -> show()).open());
        toggle.addClickListener(click -> act(() -> webhooks.setEnabled(callers.signedIn(), current().id(), !current().enabled()),
                current().enabled() ? "Endpoint disabled" : "Endpoint enabled"));
        sendTest.addClickListener(click -> act(() -> webhooks.sendTestEvent(callers.signedIn(), current().id()),
                "Test event queued; it appears in the log below once sent"));
        revealSecret.addClickListener(click -> {
            secret.setValue(webhooks.signingSecret(callers.signedIn(), current().id()));
            secret.setVisible(true);
        });
        rotateSecret.addClickListener(click -> confirm("Rotate the signing secret?", "Deliveries are signed with the new "
                + "secret from now on, and with the old one too for a day, so your receiver can switch over.", "Rotate", () -> {
                    try {
                        secret.setValue(webhooks.rotateSecret(callers.signedIn(), current().id()));
                        secret.setVisible(true);
                    } catch (IllegalStateException e) {
                        com.vaadin.flow.component.notification.Notification.show(e.getMessage())
                                .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
                    }
                }));
        delete.addClickListener(click -> confirm("Delete this endpoint?", "It receives nothing more and its delivery log "
                + "is deleted.", "Delete", () -> {
                    webhooks.delete(callers.signedIn(), current().id());
                    UI.getCurrent().navigate(WebhooksView.class);
                }));
        refreshLog.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refreshLog.addClickListener(click -> show());
        add(url, details, actions, secret, new HorizontalLayout(new H3("Delivery log"), refreshLog));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        WebhookEndpointId id;
        try {
            id = WebhookEndpointId.parse(parameter);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such webhook endpoint");
        }
        endpoint = webhooks.endpoint(callers.signedIn(), id).orElseThrow(() -> new NotFoundException("No such webhook endpoint"));
        if (log == null) {
            var organization = callers.signedIn().organizationId();
            log = new DeliveryLog(webhooks, () -> callers.within(organization), id, admin, delivery -> act(() -> webhooks.resend(callers.signedIn(), delivery),
                    "Delivery queued again"));
            addAndExpand(log);
        }
        show();
    }

    WebhookEndpoint current() {
        if (endpoint == null) {
            throw new IllegalStateException("No endpoint shown");
        }
        return endpoint;
    }

    private void show() {
        endpoint = webhooks.endpoint(callers.signedIn(), current().id()).orElse(current());
        var shown = current();
        url.setText(shown.url());
        details.setText((shown.description().isEmpty() ? "" : shown.description() + " · ")
                + WebhooksView.events(shown) + " · " + WebhooksView.status(shown).getText());
        toggle.setText(shown.enabled() ? "Disable" : "Enable");
        toggle.setIcon(shown.enabled() ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        sendTest.setEnabled(shown.enabled());
        if (log != null) {
            log.getDataProvider().refreshAll();
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        show();
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        var dialog = new ConfirmDialog(header, text, confirmText, yes -> action.run(), "Cancel", no -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
