package io.vidcastx.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: the Lumo theme (Vaadin 25 ships none by default) and server push for live updates. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://vidcastx-app.css")
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Vidcastx");
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }
}
