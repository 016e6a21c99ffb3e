package io.vidcastx.distribution.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.youtube.Distribution;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.distribution.DistributionStatusBroadcaster;
import io.vidcastx.distribution.PublishService;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The video page's "Publishing" section: one line per channel (queued, uploading n%, processing on
 * YouTube, published with its link, failed with the reason), kept live from the worker's messages,
 * and for Members a Publish to YouTube button.
 */
public final class PublishingPanel extends VerticalLayout {

    private final PublishService publishing;
    private final DistributionStatusBroadcaster broadcaster;
    private final Supplier<Caller> caller;
    private final VideoId video;
    private final List<String> captionLanguages;
    final Div history = new Div();
    final Button publish = new Button("Publish to YouTube");
    private Runnable unsubscribe = () -> { };

    /**
     * @param pictureAt the URL of the video's picture at a time (null: its poster), for the thumbnail preview;
     *                  null for a video without pictures (audio only), which sends no thumbnail
     * @param duration  the video's length in seconds
     */
    public PublishingPanel(PublishService publishing, DistributionStatusBroadcaster broadcaster, Supplier<Caller> caller,
                           VideoId video, String defaultTitle, List<String> captionLanguages,
                           @Nullable Function<@Nullable Double, String> pictureAt, double duration) {
        this.publishing = publishing;
        this.broadcaster = broadcaster;
        this.caller = caller;
        this.video = video;
        this.captionLanguages = captionLanguages;
        setPadding(false);
        history.setId("publish-history");
        publish.addClickListener(click -> new PublishDialog(publishing, caller, video, defaultTitle, captionLanguages,
                pictureAt, duration, this::refresh).open());
        add(new H2("Publishing"), history, publish);
        refresh();
    }

    void refresh() {
        var current = caller.get();
        publish.setVisible(current.may(Role.MEMBER));
        publish.setEnabled(publishing.youTubeConnected(current));
        publish.setTooltipText(publish.isEnabled() ? null : "Connect YouTube under Settings › Integrations first");
        history.removeAll();
        var distributions = publishing.history(current, video);
        if (distributions.isEmpty()) {
            history.add(new Span("Not published anywhere yet."));
        }
        for (var distribution : distributions) {
            history.add(line(distribution));
        }
    }

    private HorizontalLayout line(Distribution distribution) {
        var row = new HorizontalLayout(new Span("YouTube: "));
        row.setAlignItems(Alignment.BASELINE);
        var status = new Span(describe(distribution));
        status.addClassName("distribution-status");
        status.getElement().getThemeList().add(switch (distribution.status()) {
            case PUBLISHED -> "badge success";
            case FAILED -> "badge error";
            case CANCELLED -> "badge contrast";
            default -> "badge";
        });
        row.add(status);
        if (distribution.url() != null) {
            var link = new Anchor(distribution.url(), "Watch on YouTube");
            link.setTarget("_blank");
            row.add(link);
        }
        if (distribution.status().inProgress() && caller.get().may(Role.MEMBER)) {
            var cancel = new Button("Cancel upload", click -> {
                publishing.cancel(caller.get(), video, distribution.id());
                refresh();
            });
            cancel.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            row.add(cancel);
        }
        return row;
    }

    static String describe(Distribution distribution) {
        return switch (distribution.status()) {
            case QUEUED -> "Queued";
            case UPLOADING -> "Uploading " + distribution.progress() + "%";
            case PROCESSING -> "Processing on YouTube";
            case PUBLISHED -> "Published";
            case FAILED -> "Failed: " + distribution.error();
            case CANCELLED -> "Cancelled";
        };
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unsubscribe = broadcaster.register(video, message -> ui.access(this::refresh));
        refresh(); // a change between building and subscribing would otherwise wait for the next one
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
    }
}
