package io.vidcastx.distribution.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.youtube.YouTubeConnection;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import io.vidcastx.security.CallerResolver;
import jakarta.annotation.security.PermitAll;

/**
 * Settings › Integrations › YouTube: the connected channel, or a Connect button. Only Admins connect
 * or disconnect; everyone sees which channel videos are published to.
 */
@Route("settings/integrations/youtube")
@PageTitle("YouTube | Vidcastx")
@Menu(title = "Integrations", order = 34, icon = "vaadin:connect")
@PermitAll
final class YouTubeIntegrationView extends VerticalLayout implements BeforeEnterObserver {

    private final YouTubeConnections connections;
    private final YouTubeGoogle google;
    private final CallerResolver callers;
    final Div notice = new Div();
    final Div channel = new Div();
    final Button connect = new Button("Connect YouTube");
    final Button disconnect = new Button("Disconnect");

    YouTubeIntegrationView(YouTubeConnections connections, YouTubeGoogle google, CallerResolver callers) {
        this.connections = connections;
        this.google = google;
        this.callers = callers;
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // A full page load, not a Vaadin navigation: the browser goes on to Google's consent page.
        connect.addClickListener(click -> UI.getCurrent().getPage().setLocation("integrations/youtube/connect"));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disconnect.addClickListener(click -> confirmDisconnect());
        notice.setId("youtube-notice");
        channel.setId("youtube-channel");
        add(new H2("YouTube"), new Paragraph("Publish ready videos to your organization's YouTube channel. Vidcastx asks "
                + "Google for permission to upload videos and to read your channel's name."), notice, channel,
                new HorizontalLayout(connect, disconnect));
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            showNotice(parameters.get("error").getFirst(), true);
        } else if (parameters.containsKey("connected")) {
            showNotice("YouTube is connected.", false);
        }
    }

    private void refresh() {
        var caller = callers.signedIn();
        boolean admin = caller.may(Role.ADMIN);
        var found = connections.find(caller.organizationId());
        channel.removeAll();
        found.ifPresentOrElse(this::showChannel, () -> channel.add(new Paragraph("No YouTube channel is connected.")));
        connect.setText(found.isPresent() ? "Reconnect YouTube" : "Connect YouTube");
        connect.setVisible(admin && (found.isEmpty() || found.get().needsReconnect()));
        connect.setEnabled(google.configured());
        disconnect.setVisible(admin && found.isPresent());
        if (!google.configured()) {
            showNotice("YouTube is not set up on this server: the operator sets VIDCASTX_YOUTUBE_CLIENT_ID and "
                    + "VIDCASTX_YOUTUBE_CLIENT_SECRET (see the README).", true);
        } else if (!admin && found.isEmpty()) {
            showNotice("Ask an Admin to connect YouTube.", false);
        }
    }

    private void showChannel(YouTubeConnection connection) {
        var row = new HorizontalLayout();
        row.setAlignItems(Alignment.CENTER);
        if (connection.channelThumbnailUrl() != null) {
            var image = new Image(connection.channelThumbnailUrl(), "Channel picture of " + connection.channelTitle());
            image.setWidth("48px");
            image.setHeight("48px");
            image.getStyle().set("border-radius", "50%");
            row.add(image);
        }
        var title = new Span(connection.channelTitle());
        title.getStyle().set("font-weight", "600");
        row.add(new Span("Connected channel: "), title);
        channel.add(row);
        if (connection.needsReconnect()) {
            var warning = new Paragraph("Needs reconnect: " + connection.statusReason());
            warning.getElement().getThemeList().add("badge error");
            channel.add(warning);
        }
    }

    private void confirmDisconnect() {
        var dialog = new ConfirmDialog("Disconnect YouTube?", "Vidcastx gives its access back to Google and forgets "
                + "it. Videos already on YouTube stay there.", "Disconnect", confirm -> {
            var caller = callers.signedIn();
            caller.require(Role.ADMIN, "disconnect YouTube");
            connections.disconnect(caller.organizationId());
            showNotice("YouTube is disconnected.", false);
            refresh();
        });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void showNotice(String text, boolean error) {
        notice.removeAll();
        var paragraph = new Paragraph(text);
        paragraph.getElement().getThemeList().add(error ? "badge error" : "badge success");
        notice.add(paragraph);
    }
}
