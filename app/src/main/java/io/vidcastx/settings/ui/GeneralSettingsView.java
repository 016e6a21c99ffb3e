package io.vidcastx.settings.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("settings/general")
@PageTitle("General | Vidcastx")
@Menu(title = "General", order = 6)
@PermitAll
final class GeneralSettingsView extends VerticalLayout {

    GeneralSettingsView() {
        add(new NotBuiltYet("General", "Your organization's name, URL slug and logo."));
    }
}
