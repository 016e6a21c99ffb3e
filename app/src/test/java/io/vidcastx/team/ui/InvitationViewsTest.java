package io.vidcastx.team.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.INVITATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.ui.LoginView;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

class InvitationViewsTest extends AppTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.vidcastx.team.InvitationService invitations;

    @BeforeEach
    void clean() {
        dsl.deleteFrom(INVITATIONS).execute();
    }

    private TeamView openTeam() {
        startUi();
        UI.getCurrent().navigate("settings/team");
        return _get(TeamView.class);
    }

    @Test
    void an_admin_invites_someone_who_then_creates_an_account_from_the_link() {
        signInAsOwner();
        var team = openTeam();
        String email = "invited" + System.nanoTime() % 1_000_000 + "@example.com";

        _click(team.invite);
        var dialog = _get(InviteDialog.class);
        dialog.email.setValue(email);
        dialog.role.setValue(Role.VIEWER);
        _click(dialog.send);

        assertThat(dialog.link).as("the link is shown because no SMTP server is configured").isNotNull();
        String link = dialog.link.value();
        assertThat(link).contains("/invitation/");
        assertThat(GridKt._size(team.pending)).isEqualTo(1);
        assertThat(GridKt._get(team.pending, 0).email()).isEqualTo(email);

        // The invited person, not signed in, opens the link.
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        startUi();
        UI.getCurrent().navigate(link.substring(link.indexOf("invitation/")));
        var accept = _get(AcceptInvitationView.class);
        assertThat(accept.message.getText()).contains("Acme Films").contains("Viewer").contains(email);
        accept.displayName.setValue("Vic Viewer");
        accept.password.setValue("twelve chars or more");
        accept.confirmPassword.setValue("twelve chars or more");
        _click(accept.create);

        _get(LoginView.class);
        assertThat(dsl.fetchExists(USERS, USERS.EMAIL.eq(email))).isTrue();
        assertThat(accounts.organizations(email)).singleElement()
                .satisfies(account -> assertThat(account.role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void a_used_or_unknown_link_says_so_and_offers_no_form() {
        startUi();
        UI.getCurrent().navigate("invitation/made-up-token");
        var accept = _get(AcceptInvitationView.class);
        assertThat(accept.message.getText()).contains("not valid");
        assertThat(accept.create.isAttached()).isFalse();
    }

    @Test
    void viewers_see_open_invitations_but_cannot_invite_or_withdraw() {
        signInWithRole(Role.VIEWER);
        var team = openTeam();
        assertThat(team.invite.isVisible()).isFalse();
        assertThat(team.pending.getColumnByKey("withdraw")).isNull();
    }

    @Test
    void a_signed_in_person_joins_another_organization_from_its_link() {
        signInAsOwner();
        var other = io.vidcastx.db.ids.OrganizationId.random();
        dsl.insertInto(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).set(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID, other)
                .set(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.NAME, "Guest Studio")
                .set(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.SLUG, "guest-" + System.nanoTime() % 1_000_000).execute();
        var created = invitations.invite(new io.vidcastx.security.Caller(other, null, null, Role.OWNER), OWNER_EMAIL,
                Role.MEMBER, "http://localhost:8080");
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        startUi();

        UI.getCurrent().navigate("invitation/" + token);
        _click(_get(AcceptInvitationView.class).signIn);
        var join = _get(JoinInvitationView.class);
        assertThat(join.message.getText()).isEqualTo("Join Guest Studio as Member?");
        _click(join.join);

        assertThat(accounts.organizations(OWNER_EMAIL)).anySatisfy(account -> {
            assertThat(account.organizationId()).isEqualTo(other);
            assertThat(account.role()).isEqualTo(Role.MEMBER);
        });
        dsl.deleteFrom(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).where(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID.eq(other)).execute();
    }

    @Test
    void an_admin_demoted_after_opening_the_invite_dialog_is_refused_at_the_click() {
        signInWithRole(Role.ADMIN);
        var team = openTeam();
        _click(team.invite);
        var dialog = _get(InviteDialog.class);
        String before = TestData.setRole(dsl, ownersOrganization(), "admin@example.com", "viewer");
        try {
            dialog.email.setValue("late@example.com");
            _click(dialog.send);

            com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                    "A viewer may not invite members; ask an admin or above");
            assertThat(dsl.fetchCount(INVITATIONS)).isZero();
            assertThat(dialog.link).isNull();
        } finally {
            TestData.setRole(dsl, ownersOrganization(), "admin@example.com", before);
        }
    }

    @Test
    void a_member_removed_after_opening_the_invite_dialog_cannot_invite_into_any_organization() {
        signInWithRole(Role.ADMIN);
        var team = openTeam();
        _click(team.invite);
        var dialog = _get(InviteDialog.class);
        var restore = TestData.removeMembership(dsl, "admin@example.com");
        try {
            dialog.email.setValue("late@example.com");
            _click(dialog.send);

            com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                    "You are no longer a member of this organization");
            assertThat(dsl.fetchCount(INVITATIONS)).isZero();
        } finally {
            restore.run();
        }
    }
}
