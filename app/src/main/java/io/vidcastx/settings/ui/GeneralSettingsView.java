package io.vidcastx.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.BoundedUploadHandler;
import io.vidcastx.base.ui.OrganizationLogo;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.dubbing.ui.DubbingSettingsForm;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.settings.OrganizationSettingsService;
import jakarta.annotation.security.PermitAll;

/** The organization's name, URL slug and logo; for its Owner, deleting it. */
@Route("settings/general")
// "Settings" typed into the address bar lands here instead of on a bare not-found page.
@RouteAlias("settings")
@PageTitle("General | Vidcastx")
@Menu(title = "General", order = 30, icon = "vaadin:cog")
@PermitAll
final class GeneralSettingsView extends VerticalLayout {

    private static final int LOGO_MAX_BYTES = 1024 * 1024;

    private final OrganizationSettingsService settings;
    private final CallerResolver callers;
    final TextField name = new TextField("Organization name");
    final TextField slug = new TextField("URL slug");
    final Button save = new Button("Save");
    final Div logoPreview = new Div();
    final Upload logoUpload = new Upload();
    final Button removeLogo = new Button("Remove logo");
    final Button deleteOrganization = new Button("Delete organization…");
    private final AuthenticationContext authentication;
    private final AccountService accounts;
    private long version;

    final DubbingSettingsForm dubbing;

    GeneralSettingsView(OrganizationSettingsService settings, AccountService accounts, CallerResolver callers,
                        AuthenticationContext authentication, DubbingService dubbingService) {
        this.settings = settings;
        this.accounts = accounts;
        this.authentication = authentication;
        this.callers = callers;
        slug.setHelperText("Lower-case letters, digits and dashes; used in links");
        boolean admin = callers.signedIn().may(Role.ADMIN);
        name.setReadOnly(!admin);
        slug.setReadOnly(!admin);
        save.setVisible(admin);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        var form = new FormLayout(name, slug);
        form.setMaxWidth("40rem");
        add(form, save, new H3("Logo"), logoPreview);
        if (admin) {
            // Never more than 1 MB in memory, whatever the browser was told: a hand-made request can send more.
            logoUpload.setUploadHandler(new BoundedUploadHandler(LOGO_MAX_BYTES, "a logo is at most 1 MB.",
                    (fileName, bytes) -> changeLogo(bytes), GeneralSettingsView::error));
            logoUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
            logoUpload.setMaxFiles(1);
            logoUpload.setMaxFileSize(LOGO_MAX_BYTES);
            logoUpload.setDropLabel(new Span("PNG, JPEG or WebP, at most 1 MB and 4096 x 4096 pixels"));
            logoUpload.addFileRejectedListener(rejected -> error(rejected.getErrorMessage()));
            removeLogo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            removeLogo.addClickListener(click -> {
                settings.removeLogo(callers.signedIn());
                showLogo();
            });
            add(logoUpload, removeLogo);
        }
        var dubbingOrganization = callers.signedIn().organizationId();
        dubbing = new DubbingSettingsForm(dubbingService, () -> callers.signedInTo(dubbingOrganization));
        add(dubbing);
        if (callers.signedIn().may(Role.OWNER)) {
            deleteOrganization.addThemeVariants(ButtonVariant.LUMO_ERROR);
            deleteOrganization.addClickListener(click -> {
                var organization = callers.signedIn().organizationId();
                new DeleteOrganizationDialog(settings, () -> callers.signedInTo(organization),
                        authentication.getPrincipalName().orElseThrow(), slug.getValue()).open();
            });
            add(new H3("Danger zone"), new Paragraph("Deleting the organization deletes its videos, files, keys, "
                    + "webhooks and memberships for good."), deleteOrganization);
        }
        load();
        showLogo();
    }

    private void changeLogo(byte[] bytes) {
        try {
            settings.changeLogo(callers.signedIn(), bytes);
            logoUpload.clearFileList();
            showLogo();
            Notification.show("Logo changed").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            logoUpload.clearFileList();
            error(e.getMessage());
        }
    }

    private void showLogo() {
        logoPreview.removeAll();
        var image = accounts.currentAccount(authentication).flatMap(account -> OrganizationLogo.of(accounts, account, "4rem"));
        removeLogo.setVisible(image.isPresent());
        logoPreview.add(image.<com.vaadin.flow.component.Component>map(i -> i).orElseGet(() -> new Span("No logo yet")));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void load() {
        var current = settings.get(callers.signedIn());
        name.setValue(current.name());
        slug.setValue(current.slug());
        version = current.version();
    }

    private void save() {
        try {
            settings.update(callers.signedIn(), name.getValue(), slug.getValue(), version);
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
