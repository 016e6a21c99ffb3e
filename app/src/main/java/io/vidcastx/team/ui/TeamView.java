package io.vidcastx.team.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Member;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.team.Invitation;
import io.vidcastx.team.InvitationService;
import io.vidcastx.team.TeamService;
import jakarta.annotation.security.PermitAll;

/** Members and their roles; Admins change roles and remove members. */
@Route("settings/team")
@PageTitle("Team | Vidcastx")
@Menu(title = "Team", order = 31, icon = "vaadin:users")
@PermitAll
final class TeamView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final TeamService team;
    private final InvitationService invitations;
    private final CallerResolver callers;
    final Grid<Member> members = new Grid<>(Member.class, false);
    final Grid<Invitation> pending = new Grid<>(Invitation.class, false);
    final Button invite = new Button("Invite member", VaadinIcon.PLUS.create());

    TeamView(TeamService team, InvitationService invitations, CallerResolver callers) {
        this.team = team;
        this.invitations = invitations;
        this.callers = callers;
        boolean admin = callers.signedIn().may(Role.ADMIN);
        members.addColumn(Member::displayName).setKey("name").setHeader("Name");
        members.addColumn(Member::email).setKey("email").setHeader("E-mail").setFlexGrow(2);
        if (admin) {
            members.addComponentColumn(this::roleSelect).setKey("role").setHeader("Role").setAutoWidth(true);
            members.addComponentColumn(this::removeButton).setKey("remove").setAutoWidth(true).setFlexGrow(0);
        } else {
            members.addColumn(member -> label(member.role())).setKey("role").setHeader("Role");
        }
        members.setAllRowsVisible(true);
        members.addClassName("members");
        pending.addColumn(Invitation::email).setKey("email").setHeader("Invited").setFlexGrow(2);
        pending.addColumn(invitation -> label(invitation.role())).setKey("role").setHeader("Role");
        pending.addColumn(invitation -> invitation.invitedBy() == null ? "" : invitation.invitedBy()).setKey("by")
                .setHeader("Invited by");
        pending.addColumn(invitation -> DAY.format(invitation.expiresAt())).setKey("expires").setHeader("Link expires");
        if (admin) {
            pending.addComponentColumn(this::withdrawButton).setKey("withdraw").setAutoWidth(true).setFlexGrow(0);
        }
        pending.setAllRowsVisible(true);
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setVisible(admin);
        invite.addClickListener(click -> {
            var opener = callers.signedIn();
            new InviteDialog(invitations, opener, () -> callers.signedInTo(opener.organizationId()), this::refresh).open();
        });
        add(new Paragraph("Owners manage billing and the organization; Admins also manage keys, webhooks and the team; "
                + "Members manage videos; Viewers look."), invite, members, new H3("Open invitations"), pending);
        refresh();
    }

    void refresh() {
        var caller = callers.signedIn();
        members.setItems(team.members(caller));
        pending.setItems(invitations.pending(caller));
    }

    private Button withdrawButton(Invitation invitation) {
        var button = new Button("Withdraw", click -> {
            invitations.withdraw(callers.signedIn(), invitation.id());
            Notification.show("The invitation for " + invitation.email() + " no longer works");
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Select<Role> roleSelect(Member member) {
        var select = new Select<Role>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(TeamView::label);
        select.setValue(member.role());
        select.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                team.changeRole(callers.signedIn(), member.userId(), change.getValue());
                Notification.show(member.displayName() + " is now " + label(change.getValue()));
            } catch (IllegalStateException | org.springframework.security.access.AccessDeniedException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        return select;
    }

    private Button removeButton(Member member) {
        var button = new Button("Remove", click -> {
            var confirm = new ConfirmDialog("Remove " + member.displayName() + "?",
                    "They lose access to this organization at once.", "Remove", yes -> {
                try {
                    team.remove(callers.signedIn(), member.userId());
                } catch (IllegalStateException | org.springframework.security.access.AccessDeniedException e) {
                    Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
            }, "Cancel", no -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    static String label(Role role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
