package io.vidcastx.team.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("settings/team")
@PageTitle("Team | Vidcastx")
@Menu(title = "Team", order = 7)
@PermitAll
final class TeamView extends VerticalLayout {

    TeamView() {
        add(new NotBuiltYet("Team", "Invite people, give them a role (Owner, Admin, Member or Viewer) and remove them."));
    }
}
