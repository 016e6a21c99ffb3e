package io.vidcastx.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.settings.OrganizationSettingsService;
import jakarta.annotation.security.PermitAll;

/** The organization's name and URL slug. */
@Route("settings/general")
@PageTitle("General | Vidcastx")
@Menu(title = "General", order = 6)
@PermitAll
final class GeneralSettingsView extends VerticalLayout {

    private final OrganizationSettingsService settings;
    private final Caller caller;
    final TextField name = new TextField("Organization name");
    final TextField slug = new TextField("URL slug");
    final Button save = new Button("Save");
    private long version;

    GeneralSettingsView(OrganizationSettingsService settings, CallerResolver callers) {
        this.settings = settings;
        this.caller = callers.current().orElseThrow(() -> new IllegalStateException("Signed in without an organization"));
        slug.setHelperText("Lower-case letters, digits and dashes; used in links");
        boolean admin = caller.may(Role.ADMIN);
        name.setReadOnly(!admin);
        slug.setReadOnly(!admin);
        save.setVisible(admin);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        var form = new FormLayout(name, slug);
        form.setMaxWidth("40rem");
        add(form, save);
        load();
    }

    private void load() {
        var current = settings.get(caller);
        name.setValue(current.name());
        slug.setValue(current.slug());
        version = current.version();
    }

    private void save() {
        try {
            settings.update(caller, name.getValue(), slug.getValue(), version);
            slug.setInvalid(false);
            load();
            Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            var field = e.getMessage() != null && e.getMessage().startsWith("The name") ? name : slug;
            field.setInvalid(true);
            field.setErrorMessage(e.getMessage());
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
