package io.vidcastx.developers.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService.ApiKeyInfo;
import io.vidcastx.developers.DeveloperKeysService;
import io.vidcastx.developers.SigningKeyService.SigningKeyInfo;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import jakarta.annotation.security.PermitAll;

/** API keys for the REST API, and signing keys for signed playback: list, create (secret shown once), revoke. */
@Route("developers/api-keys")
@PageTitle("API Keys | Vidcastx")
@Menu(title = "API Keys", order = 20, icon = "vaadin:key")
@PermitAll
final class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final DeveloperKeysService keys;
    private final CallerResolver callers;
    final Grid<ApiKeyInfo> apiKeys = new Grid<>(ApiKeyInfo.class, false);
    final Grid<SigningKeyInfo> signingKeys = new Grid<>(SigningKeyInfo.class, false);
    final Button createApiKey = new Button("Create API key", VaadinIcon.PLUS.create());
    final Button createSigningKey = new Button("Create signing key", VaadinIcon.PLUS.create());

    ApiKeysView(DeveloperKeysService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
        boolean admin = callers.signedIn().may(Role.ADMIN);

        apiKeys.addColumn(ApiKeyInfo::name).setKey("name").setHeader("Name").setFlexGrow(2);
        apiKeys.addColumn(ApiKeyInfo::tokenId).setKey("token").setHeader("Token ID").setFlexGrow(2);
        apiKeys.addColumn(key -> accessLabel(key.role())).setKey("access").setHeader("Access");
        apiKeys.addColumn(key -> when(key.createdAt())).setKey("created").setHeader("Created").setAutoWidth(true);
        apiKeys.addColumn(key -> key.lastUsedAt() == null ? "Never" : when(key.lastUsedAt())).setKey("used").setHeader("Last used").setAutoWidth(true);
        if (admin) {
            apiKeys.addComponentColumn(key -> revokeButton("API key \"" + key.name() + "\"",
                    () -> keys.revokeApiKey(callers.signedIn(), key.id()))).setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        }
        apiKeys.setAllRowsVisible(true);
        apiKeys.setEmptyStateText("No API keys yet.");

        signingKeys.addColumn(SigningKeyInfo::id).setKey("id").setHeader("Signing key ID").setFlexGrow(3);
        signingKeys.addColumn(key -> when(key.createdAt())).setKey("created").setHeader("Created").setAutoWidth(true);
        if (admin) {
            signingKeys.addComponentColumn(key -> revokeButton("signing key " + key.id(),
                    () -> keys.revokeSigningKey(callers.signedIn(), key.id()))).setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        }
        signingKeys.setAllRowsVisible(true);
        signingKeys.setEmptyStateText("No signing keys yet.");

        createApiKey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createApiKey.setVisible(admin);
        createApiKey.addClickListener(click -> askName());
        createSigningKey.setVisible(admin);
        createSigningKey.addClickListener(click -> {
            var created = keys.createSigningKey(callers.signedIn());
            refresh();
            new SecretDialog("Signing key created", "This is the only time the private key is shown. Sign playback "
                    + "tokens (RS256 JWT with kid = the key ID) with it on your server.",
                    "Key ID", created.id(), "Private key", created.privateKeyBase64Pem()).open();
        });

        add(new H2("API keys"), new Paragraph("Authenticate REST API calls with HTTP Basic: the token ID as user name, "
                + "the secret as password."), createApiKey, apiKeys,
                new H2("Signing keys"), new Paragraph("Signed playback IDs play only with a token signed by one of these keys."),
                createSigningKey, signingKeys);
        refresh();
    }

    void refresh() {
        var caller = callers.signedIn();
        apiKeys.setItems(keys.apiKeys(caller));
        signingKeys.setItems(keys.signingKeys(caller));
    }

    private void askName() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Create API key");
        var name = new TextField("Name");
        name.setPlaceholder("e.g. Production backend");
        name.setWidth("24rem");
        var access = new Select<Role>();
        access.setLabel("Access");
        access.setItems(Role.ADMIN, Role.MEMBER, Role.VIEWER);
        access.setItemLabelGenerator(ApiKeysView::accessLabel);
        access.setValue(Role.ADMIN);
        access.setWidth("24rem");
        var create = new Button("Create", click -> {
            try {
                var created = keys.createApiKey(callers.signedIn(), name.getValue(), access.getValue());
                dialog.close();
                refresh();
                new SecretDialog("API key created", "This is the only time the secret is shown: store it now. "
                        + "Only a hash of it is kept.", "Token ID", created.tokenId(), "Secret", created.secret()).open();
            } catch (IllegalArgumentException e) {
                name.setInvalid(true);
                name.setErrorMessage(e.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, access));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    /** What a key acting with {@code role} may do, in Mux's words where they exist. */
    static String accessLabel(Role role) {
        return switch (role) {
            case ADMIN, OWNER -> "Full access";
            case MEMBER -> "Videos: read and write";
            case VIEWER -> "Read only";
        };
    }

    private Button revokeButton(String what, Runnable revoke) {
        var button = new Button("Revoke", click -> {
            var confirm = new ConfirmDialog("Revoke " + what + "?", "Anything still using it stops working at once.",
                    "Revoke", yes -> {
                revoke.run();
                refresh();
            }, "Cancel", no -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static String when(java.time.OffsetDateTime time) {
        return WHEN.format(time.atZoneSameInstant(ZoneId.systemDefault()));
    }
}
