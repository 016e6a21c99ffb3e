package io.vidcastx.developers.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;

/** Shows a newly created secret, once, with a copy button and a plain warning. */
final class SecretDialog extends Dialog {

    SecretDialog(String title, String warning, String... labelsAndValues) {
        setHeaderTitle(title);
        var note = new Paragraph(warning);
        note.addClassName("secret-warning");
        add(note);
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            String label = labelsAndValues[i];
            String value = labelsAndValues[i + 1];
            var field = new TextArea(label);
            field.setValue(value);
            field.setReadOnly(true);
            field.setWidth("36rem");
            var copy = new Button("Copy " + label.toLowerCase(java.util.Locale.ROOT), click -> copy(label, value));
            copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(field, copy);
        }
        var done = new Button("I have stored it", click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private void copy(String label, String value) {
        getElement().executeJs("return window.Vidcastx.copyText($0)", value)
                .then(Boolean.class, copied -> Notification.show(copied ? label + " copied" : "Select the text to copy it"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/vidcastx.js");
    }
}
