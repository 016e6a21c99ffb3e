package io.vidcastx.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.team.InvitationService;
import io.vidcastx.team.InvitationUnusableException;
import jakarta.annotation.security.PermitAll;

/**
 * An invitation accepted by someone who already has an account. The route needs a signed-in user, so
 * an anonymous visitor goes through the sign-in page and comes back here.
 */
@Route(value = "invitation/join", autoLayout = false)
@PageTitle("Join | Vidcastx")
@PermitAll
final class JoinInvitationView extends VerticalLayout implements HasUrlParameter<String> {

    private final InvitationService invitations;
    private final AccountService accounts;
    private final AuthenticationContext authentication;
    final Paragraph message = new Paragraph();
    final Button join = new Button("Join");
    private String token = "";

    JoinInvitationView(InvitationService invitations, AccountService accounts, AuthenticationContext authentication) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.authentication = authentication;
        setAlignItems(Alignment.CENTER);
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickListener(click -> join());
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        removeAll();
        add(new H1("Join an organization"), message);
        try {
            var invitation = invitations.preview(token);
            message.setText("Join " + invitation.organizationName() + " as " + TeamView.label(invitation.role()) + "?");
            add(join);
        } catch (InvitationUnusableException e) {
            message.setText(e.getMessage());
        }
    }

    private void join() {
        String email = authentication.getPrincipalName().orElseThrow();
        try {
            var joined = invitations.acceptAsSignedIn(token, email);
            accounts.switchTo(email, joined.organizationId());
            Notification.show("You joined " + joined.organizationName(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (InvitationUnusableException e) {
            message.setText(e.getMessage());
            join.setVisible(false);
        }
    }
}
