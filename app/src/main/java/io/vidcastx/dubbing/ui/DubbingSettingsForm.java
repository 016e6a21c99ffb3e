package io.vidcastx.dubbing.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.security.Caller;

/**
 * Settings › General's "AI dubbing": the organization's default provider and its ElevenLabs API key.
 * The key field is write-only: after saving it is emptied and only "a key is set" shows, since the
 * key is sealed at rest and the dashboard never reads it back. Admins change it; others see the state.
 */
public final class DubbingSettingsForm extends VerticalLayout {

    private final DubbingService dubbing;
    private final Supplier<Caller> caller;
    final Span keyState = new Span();
    final PasswordField apiKey = new PasswordField("ElevenLabs API key");
    final Button saveKey = new Button("Save key");
    final Button removeKey = new Button("Remove key");
    final Select<DubbingProvider> defaultProvider = new Select<>();

    public DubbingSettingsForm(DubbingService dubbing, Supplier<Caller> caller) {
        this.dubbing = dubbing;
        this.caller = caller;
        setPadding(false);
        keyState.setId("elevenlabs-key-state");
        keyState.getElement().setAttribute("role", "status");
        apiKey.setHelperText("Stored encrypted and never shown again; the AI worker uses it to call ElevenLabs");
        apiKey.setRevealButtonVisible(false);
        apiKey.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        apiKey.setWidth("24rem");
        saveKey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveKey.addClickListener(click -> saveKey());
        removeKey.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removeKey.addClickListener(click -> {
            dubbing.removeElevenLabsKey(caller.get());
            Notification.show("ElevenLabs API key removed");
            load();
        });
        defaultProvider.setLabel("Default dubbing provider");
        defaultProvider.setItemLabelGenerator(p -> p == DubbingProvider.LOCAL ? "Local (apertium + espeak-ng)" : "ElevenLabs");
        defaultProvider.setHelperText("Used when a dub request names no provider; each video can choose another");
        boolean admin = caller.get().may(Role.ADMIN);
        var keyRow = new HorizontalLayout(apiKey, saveKey, removeKey);
        keyRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("AI dubbing"), keyState);
        if (admin) {
            add(keyRow);
        }
        add(defaultProvider);
        defaultProvider.setReadOnly(!admin);
        load();
        defaultProvider.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                try {
                    dubbing.setDefaultProvider(caller.get(), change.getValue());
                    Notification.show("Default dubbing provider saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (IllegalArgumentException e) {
                    Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    load();
                }
            }
        });
    }

    private void saveKey() {
        try {
            dubbing.setElevenLabsKey(caller.get(), apiKey.getValue());
            apiKey.clear();
            apiKey.setInvalid(false);
            Notification.show("ElevenLabs API key saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load();
        } catch (IllegalArgumentException e) {
            apiKey.setInvalid(true);
            apiKey.setErrorMessage(e.getMessage());
        }
    }

    private void load() {
        var settings = dubbing.settings(caller.get());
        keyState.setText(settings.elevenLabsKeySet() ? "An ElevenLabs API key is set."
                : "No ElevenLabs API key is set: dubs use the local provider.");
        removeKey.setVisible(settings.elevenLabsKeySet());
        saveKey.setText(settings.elevenLabsKeySet() ? "Replace key" : "Save key");
        defaultProvider.setItems(settings.elevenLabsKeySet() ? java.util.List.of(DubbingProvider.LOCAL, DubbingProvider.ELEVENLABS)
                : java.util.List.of(DubbingProvider.LOCAL));
        defaultProvider.setValue(settings.provider());
    }
}
