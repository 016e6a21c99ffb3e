package io.vidcastx.home.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("")
@PageTitle("Home | Vidcastx")
@Menu(title = "Home", order = 0)
@PermitAll
final class HomeView extends VerticalLayout {

    HomeView() {
        add(new NotBuiltYet("Home", "Your overview will live here: storage used, videos by status, encoding minutes this month, views today and your most recent videos."));
    }
}
