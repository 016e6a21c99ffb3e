package io.vidcastx.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** A read-only value with a Copy button (the browser side is Vidcastx.copyText in frontend/). */
public final class CopyField extends HorizontalLayout {

    public final Button copy = new Button("Copy", VaadinIcon.COPY.create());
    private final String value;

    public CopyField(String label, String value, boolean multiline) {
        this.value = value;
        var field = multiline ? new TextArea(label) : new TextField(label);
        if (field instanceof TextArea area) {
            area.setValue(value);
            area.setReadOnly(true);
            area.setWidthFull();
        } else if (field instanceof TextField text) {
            text.setValue(value);
            text.setReadOnly(true);
            text.setWidthFull();
        }
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.addClickListener(click -> copy.getElement()
                .executeJs("return window.Vidcastx.copyText($0)", value)
                .then(Boolean.class, copied -> Notification.show(copied ? label + " copied" : "Select the text to copy it")));
        add(field, copy);
        setWidthFull();
        setAlignItems(Alignment.BASELINE);
        expand(field);
    }

    public String value() {
        return value;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/vidcastx.js");
    }
}
