package io.vidcastx.analytics.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("analytics")
@PageTitle("Analytics | Vidcastx")
@Menu(title = "Analytics", order = 10, icon = "vaadin:chart")
@PermitAll
final class AnalyticsView extends VerticalLayout {

    AnalyticsView() {
        add(new NotBuiltYet("Analytics", "Views, watch time, audience by country and device, and playback quality, for every video and the whole organization."));
    }
}
