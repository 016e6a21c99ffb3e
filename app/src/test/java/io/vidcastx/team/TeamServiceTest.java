package io.vidcastx.team;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.MEMBERSHIPS;
import static io.vidcastx.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.security.CallerResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class TeamServiceTest extends AppTestSupport {

    @Autowired
    TeamService team;
    @Autowired
    CallerResolver callers;

    @BeforeEach
    void freshTeam() {
        resetAccounts();
        ensureOwner();
    }

    private UserId userId(String email) {
        return dsl.select(USERS.USER_ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchSingle().value1();
    }

    private UserId memberWith(Role role) {
        signInWithRole(role); // creates the member
        return userId(role.dbValue() + "@example.com");
    }

    @Test
    void the_last_owner_can_be_neither_demoted_nor_removed() {
        signInAsOwner();
        var owner = callers.current().orElseThrow();

        assertThatThrownBy(() -> team.changeRole(owner, owner.userId(), Role.ADMIN)).hasMessageContaining("at least one owner");
        assertThatThrownBy(() -> team.remove(owner, owner.userId())).hasMessageContaining("last owner");
        assertThat(dsl.fetchCount(MEMBERSHIPS, MEMBERSHIPS.ROLE.eq("owner"))).isEqualTo(1);
    }

    @Test
    void an_admin_manages_members_but_not_owners() {
        var viewer = memberWith(Role.VIEWER);
        var admin = memberWith(Role.ADMIN);
        signInWithRole(Role.ADMIN);
        var asAdmin = callers.current().orElseThrow();
        var ownerId = userId(OWNER_EMAIL);

        team.changeRole(asAdmin, viewer, Role.MEMBER);
        assertThat(dsl.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS).where(MEMBERSHIPS.USER_ID.eq(viewer)).fetchSingle().value1())
                .isEqualTo("member");
        assertThatThrownBy(() -> team.changeRole(asAdmin, viewer, Role.OWNER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> team.remove(asAdmin, ownerId)).isInstanceOf(AccessDeniedException.class);
        team.remove(asAdmin, viewer);
        assertThat(dsl.fetchExists(MEMBERSHIPS, MEMBERSHIPS.USER_ID.eq(viewer))).isFalse();
        assertThat(admin).isNotNull();
    }

    @Test
    void members_and_viewers_cannot_change_the_team() {
        var viewer = memberWith(Role.VIEWER);
        for (Role role : new Role[] {Role.MEMBER, Role.VIEWER}) {
            signInWithRole(role);
            var caller = callers.current().orElseThrow();
            assertThatThrownBy(() -> team.changeRole(caller, viewer, Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> team.remove(caller, viewer)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void an_owner_can_hand_ownership_over_then_step_down() {
        var admin = memberWith(Role.ADMIN);
        signInAsOwner();
        var owner = callers.current().orElseThrow();

        team.changeRole(owner, admin, Role.OWNER);
        team.changeRole(owner, owner.userId(), Role.ADMIN);

        assertThat(dsl.fetchCount(MEMBERSHIPS, MEMBERSHIPS.ROLE.eq("owner").and(MEMBERSHIPS.USER_ID.eq(admin)))).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_team_page_lists_members_with_their_roles() {
        memberWith(Role.VIEWER);
        signInAsOwner();
        startUi();
        UI.getCurrent().navigate("settings/team");

        var grid = (Grid<io.vidcastx.accounts.Member>) _get(Grid.class,
                spec -> spec.withClasses("members"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 2).mapToObj(i -> GridKt._get(grid, i).role()))
                .containsExactly(Role.OWNER, Role.VIEWER);
    }
}
