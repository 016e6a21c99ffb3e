package io.vidcastx.live.ui;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.vidcastx.accounts.Role;
import io.vidcastx.billing.QuotaExceededException;
import io.vidcastx.live.LiveStream;
import io.vidcastx.live.LiveStreamService;
import io.vidcastx.security.CallerResolver;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/** Live: the organization's live streams with their state (a green dot and the time live); a Member creates them. */
@Route("live")
@PageTitle("Live | Vidcastx")
@Menu(title = "Live", order = 3, icon = "vaadin:signal")
@PermitAll
final class LiveView extends VerticalLayout {

    /** How often an open page refreshes states and elapsed times (the ingest changes them, not this UI). */
    static final int REFRESH_MILLIS = 3000;

    private final LiveStreamService streams;
    private final CallerResolver callers;
    final Grid<LiveStream> grid = new Grid<>(LiveStream.class, false);
    final Button create = new Button("Create live stream", VaadinIcon.PLUS.create());
    private @Nullable Registration polling;

    LiveView(LiveStreamService streams, CallerResolver callers) {
        this.streams = streams;
        this.callers = callers;
        grid.addComponentColumn(LiveView::state).setKey("status").setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(stream -> stream.id().toString()).setKey("id").setHeader("Live stream ID").setFlexGrow(3);
        grid.addColumn(stream -> stream.recordingPolicy() == null ? "Not recorded" : "Recorded")
                .setKey("recording").setHeader("Recording").setAutoWidth(true);
        grid.addColumn(stream -> stream.createdAt().toLocalDate().toString()).setKey("created").setHeader("Created").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No live streams yet. Create one, then point OBS or FFmpeg at it.");
        grid.addItemClickListener(click -> UI.getCurrent().navigate(LiveStreamView.class, click.getItem().id().toString()));

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(callers.signedIn().may(Role.MEMBER));
        create.addClickListener(click -> openCreateDialog());

        add(new Paragraph("Stream from OBS or FFmpeg over RTMP: viewers watch it live with the same player and URLs as "
                + "your videos, and each broadcast can be kept as a video afterwards."), create, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(streams.page(callers.signedIn(), 0, 200));
    }

    void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Create live stream");
        var policy = new RadioButtonGroup<String>("Playback");
        policy.setItems("public", "signed");
        policy.setItemLabelGenerator(p -> p.equals("public") ? "Public: anyone with the link" : "Signed: needs a token");
        policy.setValue("public");
        var record = new Checkbox("Keep each broadcast as a video", true);
        var quotaRefusal = new Paragraph();
        quotaRefusal.addClassName("quota-refusal");
        quotaRefusal.getElement().setAttribute("role", "alert");
        quotaRefusal.setVisible(false);
        var save = new Button("Create", click -> {
            LiveStream created;
            try {
                created = streams.create(callers.signedIn(), java.util.List.of(policy.getValue()),
                        record.getValue() ? policy.getValue() : null, LiveStreamService.DEFAULT_RECONNECT_WINDOW_SECONDS);
            } catch (QuotaExceededException e) {
                quotaRefusal.setText(String.join(" ", e.messages()));
                quotaRefusal.setVisible(true);
                return;
            }
            dialog.close();
            UI.getCurrent().navigate(LiveStreamView.class, created.id().toString());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(policy, record, quotaRefusal));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    /** A green dot and how long it has been live, or the idle/disabled state. */
    static Span state(LiveStream stream) {
        var badge = new Span();
        badge.getElement().getThemeList().add("badge");
        if (stream.isActive()) {
            badge.getElement().getThemeList().add("success");
            badge.add(dot());
            badge.add(new Span(" Live " + (stream.connectedSince() == null ? "" : elapsed(stream.connectedSince()))));
        } else if (stream.status().equals("disabled")) {
            badge.getElement().getThemeList().add("error");
            badge.setText("Disabled");
        } else {
            badge.getElement().getThemeList().add("contrast");
            badge.setText("Idle");
        }
        badge.getElement().setAttribute("aria-label", "Status: " + badge.getElement().getTextRecursively().strip());
        return badge;
    }

    private static Span dot() {
        var dot = new Span();
        dot.getStyle().set("display", "inline-block").set("width", "0.6em").set("height", "0.6em")
                .set("border-radius", "50%").set("background", "var(--lumo-success-color)").set("margin-right", "0.3em");
        dot.getElement().setAttribute("aria-hidden", "true");
        return dot;
    }

    static String elapsed(OffsetDateTime since) {
        var time = Duration.between(since, OffsetDateTime.now());
        if (time.isNegative()) {
            time = Duration.ZERO;
        }
        return time.toHours() > 0 ? "%d:%02d:%02d".formatted(time.toHours(), time.toMinutesPart(), time.toSecondsPart())
                : "%d:%02d".formatted(time.toMinutesPart(), time.toSecondsPart());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attachEvent.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
