package io.vidcastx.dubbing.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.PagePolling;
import io.vidcastx.core.dubbing.AudioTrack;
import io.vidcastx.core.dubbing.AudioTrackStatus;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.security.Caller;

/**
 * The video page's "Dubbing" section: each dubbed language with its state, preview, download and
 * Remove; for Members, a form offering only what can work (the local provider's installed
 * languages and espeak-ng voices, ElevenLabs' languages once the organization has a key). While a
 * dub runs the section refreshes itself from the database every few seconds.
 */
public final class DubbingPanel extends VerticalLayout {

    static final int POLL_MS = 2_000;

    private final DubbingService dubbing;
    private final Supplier<Caller> caller;
    private final VideoId video;
    private final Function<String, String> audioUrl;
    final Select<DubbingProvider> provider = new Select<>();
    final ComboBox<String> language = new ComboBox<>("Target language");
    final Select<String> voice = new Select<>();
    final Checkbox keepBackground = new Checkbox("Keep the original background under the speech");
    final Button dub = new Button("Dub");
    final Paragraph unavailable = new Paragraph();
    final Div tracks = new Div();
    private final PagePolling polling = new PagePolling(this, POLL_MS, this::refresh);

    /** @param audioUrl a track's sound (M4A) from its rendition folder, with a playback token when the video is signed */
    public DubbingPanel(DubbingService dubbing, Supplier<Caller> caller, VideoId video, Function<String, String> audioUrl) {
        this.dubbing = dubbing;
        this.caller = caller;
        this.video = video;
        this.audioUrl = audioUrl;
        setPadding(false);
        tracks.setId("dub-tracks");
        add(new H2("Dubbing"), tracks);
        var current = caller.get();
        if (current.may(Role.MEMBER)) {
            buildForm(current);
        }
        refresh();
    }

    private void buildForm(Caller current) {
        var settings = dubbing.settings(current);
        provider.setLabel("Provider");
        provider.setItems(settings.elevenLabsKeySet() ? List.of(DubbingProvider.LOCAL, DubbingProvider.ELEVENLABS)
                : List.of(DubbingProvider.LOCAL));
        provider.setItemLabelGenerator(p -> p == DubbingProvider.LOCAL ? "Local (apertium + espeak-ng)" : "ElevenLabs");
        provider.setHelperText(settings.elevenLabsKeySet() ? null
                : "ElevenLabs appears here once an admin sets its API key in Settings › General");
        provider.setValue(settings.elevenLabsKeySet() ? settings.provider() : DubbingProvider.LOCAL);
        language.setItemLabelGenerator(code -> DubbingService.defaultName(code) + " (" + code + ")");
        voice.setLabel("Voice");
        voice.setItemLabelGenerator(v -> v.isEmpty() ? "Default for the language" : "espeak-ng " + v);
        provider.addValueChangeListener(change -> offerLanguages());
        language.addValueChangeListener(change -> offerVoices());
        dub.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dub.addClickListener(click -> startDub());
        unavailable.addClassName("dub-unavailable");
        var form = new HorizontalLayout(provider, language, voice, keepBackground, dub);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(form, unavailable);
        offerLanguages();
    }

    private void offerLanguages() {
        var chosen = provider.getValue();
        var targets = dubbing.targets(caller.get(), video, chosen);
        language.setItems(targets);
        language.clear();
        boolean none = targets.isEmpty();
        unavailable.setVisible(none);
        unavailable.setText(none ? "No language can be dubbed with this provider here. " + dubbing.localAdvice() : "");
        language.setEnabled(!none);
        dub.setEnabled(!none);
        // ElevenLabs' dubbing matches the original speakers' voices itself.
        voice.setVisible(chosen == DubbingProvider.LOCAL);
        keepBackground.setLabel(chosen == DubbingProvider.LOCAL ? "Keep the original background under the speech (ducked)"
                : "Keep the original background (music and effects)");
        offerVoices();
    }

    private void offerVoices() {
        String code = language.getValue();
        var voices = new java.util.ArrayList<String>();
        voices.add("");
        if (code != null) {
            voices.addAll(dubbing.localVoices(code));
        }
        voice.setItems(voices);
        voice.setValue("");
    }

    private void startDub() {
        String code = language.getValue();
        if (code == null) {
            language.setInvalid(true);
            language.setErrorMessage("Choose a language");
            return;
        }
        try {
            String chosenVoice = voice.isVisible() && voice.getValue() != null && !voice.getValue().isEmpty()
                    ? voice.getValue() : null;
            var track = dubbing.dub(caller.get(), video, code, null, provider.getValue(), chosenVoice,
                    keepBackground.getValue());
            language.setInvalid(false);
            Notification.show("Dubbing into " + track.name() + " started").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    void refresh() {
        var current = caller.get();
        var list = dubbing.list(current, video);
        tracks.removeAll();
        if (list.isEmpty()) {
            tracks.add(new Paragraph("Not dubbed yet."));
        }
        boolean member = current.may(Role.MEMBER);
        for (AudioTrack track : list) {
            tracks.add(new DubbedTrackRow(track, audioUrl, member ? () -> remove(track) : null));
        }
        // While a dub runs, its progress and result appear without reloading the page.
        polling.follow(list.stream().anyMatch(t -> t.status() == AudioTrackStatus.PREPARING));
    }

    private void remove(AudioTrack track) {
        dubbing.remove(caller.get(), video, track.id());
        Notification.show(track.name() + " removed");
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polling.stop(detachEvent.getUI());
    }
}
