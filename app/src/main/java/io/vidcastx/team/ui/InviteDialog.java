package io.vidcastx.team.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.server.VaadinServletRequest;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.security.Caller;
import io.vidcastx.team.InvitationService;
import io.vidcastx.team.InvitationService.CreatedInvitation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Asks for an address and a role, then shows the invitation link (and whether it was e-mailed). */
final class InviteDialog extends Dialog {

    final EmailField email = new EmailField("E-mail address");
    final Select<Role> role = new Select<>();
    final Button send = new Button("Create invitation");
    /** The link once created, for the admin to copy. */
    CopyField link;

    /**
     * @param opener who opened the dialog, for the roles it offers
     * @param actor  who invites, resolved at the click: the service checks the role they have then
     */
    InviteDialog(InvitationService invitations, Caller opener, Supplier<Caller> actor, Runnable afterInvite) {
        setHeaderTitle("Invite member");
        email.setWidth("24rem");
        role.setLabel("Role");
        role.setItems(opener.may(Role.OWNER) ? Role.values() : new Role[] {Role.ADMIN, Role.MEMBER, Role.VIEWER});
        role.setItemLabelGenerator(TeamView::label);
        role.setValue(Role.MEMBER);
        var form = new VerticalLayout(email, role);
        form.setPadding(false);
        add(form);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> {
            try {
                var created = invitations.invite(actor.get(), email.getValue(), role.getValue(), dashboardUrl());
                afterInvite.run();
                showLink(created, form);
            } catch (IllegalArgumentException e) {
                email.setInvalid(true);
                email.setErrorMessage(e.getMessage());
            } catch (AccessDeniedException e) {
                refused(e);
            }
        });
        getFooter().add(new Button("Close", click -> close()), send);
    }

    private void showLink(CreatedInvitation created, VerticalLayout form) {
        form.removeAll();
        String outcome = switch (created.delivery()) {
            case SENT -> "We e-mailed the link to " + created.invitation().email() + ". You can also pass it on yourself:";
            case FAILED -> "The e-mail could not be sent (" + created.mailProblem() + "). Pass this link on yourself:";
            case NOT_CONFIGURED -> "E-mail is not configured on this server: send this link to "
                    + created.invitation().email() + " yourself.";
        };
        link = new CopyField("Invitation link", created.link(), false);
        form.add(new Paragraph(outcome), link,
                new Paragraph("Anyone with the link can join as " + TeamView.label(created.invitation().role())
                        + " until it expires or is used."));
        send.setVisible(false);
    }

    /** Their role changed (or they were removed) since the dialog opened. */
    private void refused(AccessDeniedException e) {
        close();
        Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The address the admin reached the dashboard at, so the link works from where they are. */
    private static String dashboardUrl() {
        var request = VaadinServletRequest.getCurrent();
        return request == null ? "http://localhost:8080"
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).toUriString();
    }
}
