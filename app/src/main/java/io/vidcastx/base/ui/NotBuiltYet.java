package io.vidcastx.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What a page shows until its feature exists: what it will do, and plainly that it is not there
 * yet. Never sample rows or invented figures.
 */
public class NotBuiltYet extends Div {

    public NotBuiltYet(String title, String whatItWillDo) {
        addClassName("not-built-yet");
        var icon = VaadinIcon.TOOLS.create();
        icon.addClassName("not-built-yet-icon");
        var status = new Paragraph("This page is not built yet.");
        status.addClassName("not-built-yet-status");
        add(icon, new H2(title), status, new Paragraph(whatItWillDo));
    }
}
