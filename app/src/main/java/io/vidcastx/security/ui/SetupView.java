package io.vidcastx.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.accounts.SetupAlreadyDoneException;

/** First-run setup: the owner account and the first organization. Gone for good once someone exists. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up Vidcastx")
@AnonymousAllowed
public final class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    final TextField organizationName = new TextField("Organization name");
    final TextField displayName = new TextField("Your name");
    final EmailField email = new EmailField("E-mail");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmPassword = new PasswordField("Confirm password");
    final Button create = new Button("Create account");

    SetupView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("setup-view");
        setAlignItems(Alignment.CENTER);
        password.setHelperText("At least 12 characters");
        var binder = new BeanValidationBinder<>(OwnerSetup.class);
        binder.forField(organizationName).bind("organizationName");
        binder.forField(displayName).bind("displayName");
        binder.forField(email).bind("email");
        binder.forField(password).bind("password");

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (!password.getValue().equals(confirmPassword.getValue())) {
                confirmPassword.setInvalid(true);
                confirmPassword.setErrorMessage("The passwords do not match");
                return;
            }
            confirmPassword.setInvalid(false);
            var setup = new OwnerSetup(organizationName.getValue(), displayName.getValue(), email.getValue(),
                    password.getValue());
            if (binder.validate().isOk()) {
                submit(setup);
            }
        });

        // A plain column rather than a FormLayout, whose responsive grid left-aligns inside a centred page.
        var form = new VerticalLayout(organizationName, displayName, email, password, confirmPassword);
        form.setPadding(false);
        form.setWidth("26rem");
        form.setMaxWidth("100%");
        form.getChildren().forEach(field -> ((com.vaadin.flow.component.HasSize) field).setWidthFull());
        add(new H1("Welcome to Vidcastx"),
                new Paragraph("Create the owner account and your first organization. Others join later by invitation."),
                form, create);
    }

    private void submit(OwnerSetup setup) {
        try {
            accounts.setUp(setup);
            Notification.show("Your account is ready: sign in with it.", 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (SetupAlreadyDoneException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (accounts.isSetUp()) {
            event.forwardTo(LoginView.class);
        }
    }
}
