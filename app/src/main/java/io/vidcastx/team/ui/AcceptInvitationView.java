package io.vidcastx.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.vidcastx.team.InvitationService;
import io.vidcastx.team.InvitationService.InvitationPreview;
import io.vidcastx.team.InvitationUnusableException;

/**
 * Where an invitation link lands. Someone new chooses a name and password; someone who already has an
 * account signs in and confirms on {@link JoinInvitationView}.
 */
@Route(value = "invitation", autoLayout = false)
@PageTitle("Join | Vidcastx")
@AnonymousAllowed
final class AcceptInvitationView extends VerticalLayout implements HasUrlParameter<String> {

    private final InvitationService invitations;
    final Paragraph message = new Paragraph();
    final TextField displayName = new TextField("Your name");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmPassword = new PasswordField("Confirm password");
    final Button create = new Button("Create account and join");
    final Button signIn = new Button("Sign in to accept");
    private String token = "";

    AcceptInvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("accept-invitation-view");
        setAlignItems(Alignment.CENTER);
        password.setHelperText("At least 12 characters");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createAccount());
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(JoinInvitationView.class, token)));
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        removeAll();
        add(new H1("Join Vidcastx"), message);
        try {
            show(invitations.preview(token));
        } catch (InvitationUnusableException e) {
            message.setText(e.getMessage());
        }
    }

    private void show(InvitationPreview invitation) {
        message.setText("You are invited to " + invitation.organizationName() + " as "
                + TeamView.label(invitation.role()) + " (" + invitation.email() + ").");
        if (invitation.accountExists()) {
            add(new Paragraph("You already have an account: sign in with it to accept."), signIn);
            return;
        }
        // A plain column rather than a FormLayout, whose responsive grid left-aligns inside a centred page.
        var form = new VerticalLayout(displayName, password, confirmPassword);
        form.setPadding(false);
        form.setWidth("26rem");
        form.setMaxWidth("100%");
        form.getChildren().forEach(field -> ((com.vaadin.flow.component.HasSize) field).setWidthFull());
        add(form, create);
    }

    private void createAccount() {
        if (!password.getValue().equals(confirmPassword.getValue())) {
            confirmPassword.setInvalid(true);
            confirmPassword.setErrorMessage("The passwords do not match");
            return;
        }
        confirmPassword.setInvalid(false);
        try {
            String email = invitations.acceptWithNewAccount(token, displayName.getValue(), password.getValue());
            Notification.show("Welcome! Sign in as " + email + ".", 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("login"));
        } catch (IllegalArgumentException e) {
            var field = e.getMessage() != null && e.getMessage().contains("name") ? displayName : password;
            field.setInvalid(true);
            field.setErrorMessage(e.getMessage());
        } catch (InvitationUnusableException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
