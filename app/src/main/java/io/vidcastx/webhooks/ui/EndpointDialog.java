package io.vidcastx.webhooks.ui;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.webhooks.WebhookEndpoint;
import io.vidcastx.webhooks.WebhookEventTypes;
import io.vidcastx.webhooks.WebhookService.EndpointSettings;
import org.jspecify.annotations.Nullable;

/**
 * Adds or edits an endpoint: its URL, a description and the events it receives. The service
 * validates; its message is shown on the field it concerns.
 */
final class EndpointDialog extends Dialog {

    /** Saves the settings; throws IllegalArgumentException with a message for the person. */
    @FunctionalInterface
    interface Save {
        void save(EndpointSettings settings);
    }

    final TextField url = new TextField("Endpoint URL");
    final TextField description = new TextField("Description");
    final CheckboxGroup<String> events = new CheckboxGroup<>("Events to send");
    final Checkbox allEvents = new Checkbox("All events");
    final Button saveButton = new Button();

    EndpointDialog(@Nullable WebhookEndpoint existing, Save save, Consumer<String> saved) {
        setHeaderTitle(existing == null ? "Add webhook endpoint" : "Edit webhook endpoint");
        url.setPlaceholder("https://example.com/webhooks/vidcastx");
        url.setWidthFull();
        url.setRequired(true);
        description.setPlaceholder("e.g. Production backend");
        description.setWidthFull();
        events.setItems(WebhookEventTypes.ALL);
        events.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        allEvents.addValueChangeListener(change -> {
            if (change.isFromClient() || change.getValue()) {
                events.setValue(change.getValue() ? new HashSet<>(WebhookEventTypes.ALL) : new HashSet<>());
            }
        });
        if (existing != null) {
            url.setValue(existing.url());
            description.setValue(existing.description());
            events.setValue(new HashSet<>(existing.eventTypes()));
        }
        saveButton.setText(existing == null ? "Add endpoint" : "Save");
        saveButton.addClickListener(click -> {
            url.setInvalid(false);
            events.setInvalid(false);
            description.setInvalid(false);
            try {
                save.save(new EndpointSettings(url.getValue(), description.getValue(), new LinkedHashSet<>(events.getValue())));
                close();
                saved.accept(url.getValue());
            } catch (IllegalArgumentException | IllegalStateException e) {
                showError(e.getMessage());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new VerticalLayout(url, description, allEvents, events);
        form.setPadding(false);
        form.setSpacing(false);
        add(form);
        setWidth("36rem");
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
    }

    private void showError(@Nullable String message) {
        String text = message == null ? "Could not save the endpoint" : message;
        if (text.contains("event")) {
            events.setErrorMessage(text);
            events.setInvalid(true);
        } else if (text.contains("description")) {
            description.setErrorMessage(text);
            description.setInvalid(true);
        } else {
            url.setErrorMessage(text);
            url.setInvalid(true);
        }
    }
}
