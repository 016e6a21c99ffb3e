package io.vidcastx.dubbing.ui;

import java.util.function.Function;

import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.vidcastx.core.dubbing.AudioTrack;
import io.vidcastx.core.dubbing.AudioTrackStatus;

/**
 * One dubbed language on the video page: its name, provider and state (preparing with progress,
 * ready, failed with the reason), a player and a download once a rendition exists, and Remove.
 */
final class DubbedTrackRow extends Div {

    final Span status = new Span();
    final Button remove;

    /**
     * @param audioUrl the track's whole sound (M4A) from its rendition folder, as the player may fetch it
     * @param onRemove null when the person may not remove tracks
     */
    DubbedTrackRow(AudioTrack track, Function<String, String> audioUrl, @org.jspecify.annotations.Nullable Runnable onRemove) {
        addClassName("dubbed-track");
        getElement().setAttribute("data-language", track.language());
        var heading = new Span(track.name() + " (" + track.language() + ") · "
                + (track.provider().db().equals("elevenlabs") ? "ElevenLabs" : "Local (apertium + espeak-ng)"));
        heading.getStyle().set("font-weight", "600");
        status.setText(switch (track.status()) {
            case PREPARING -> "Dubbing… " + track.progress() + "%";
            case READY -> "Ready";
            case ERRORED -> "Failed";
        });
        status.getElement().setAttribute("role", "status");
        var header = new HorizontalLayout(heading, status);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(header);
        if (track.status() == AudioTrackStatus.PREPARING) {
            var bar = new ProgressBar(0, 100, track.progress());
            bar.getElement().setAttribute("aria-label", "Dubbing progress, " + track.name());
            add(bar);
        }
        if (track.error() != null) {
            var reason = new Paragraph(track.error());
            reason.addClassName("dub-error");
            add(reason);
        }
        if (track.note() != null) {
            var note = new Paragraph(track.note());
            note.addClassName("dub-note");
            add(note);
        }
        var actions = new HorizontalLayout();
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (track.folder() != null) {
            String url = audioUrl.apply(track.folder());
            var player = new HtmlComponent("audio");
            player.getElement().setAttribute("controls", true);
            player.getElement().setAttribute("preload", "none");
            player.getElement().setAttribute("src", url);
            player.getElement().setAttribute("aria-label", "Preview of the " + track.name() + " dub");
            var download = new Anchor(url + (url.contains("?") ? "&" : "?") + "download=dub-" + track.language(),
                    "Download audio (" + track.name() + ")");
            download.getElement().setAttribute("download", true);
            actions.add(player, download);
        }
        remove = new Button("Remove " + track.name());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setVisible(onRemove != null);
        if (onRemove != null) {
            remove.addClickListener(click -> onRemove.run());
        }
        actions.add(remove);
        add(actions);
    }
}
