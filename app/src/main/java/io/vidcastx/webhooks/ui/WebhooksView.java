package io.vidcastx.webhooks.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("developers/webhooks")
@PageTitle("Webhooks | Vidcastx")
@Menu(title = "Webhooks", order = 5)
@PermitAll
final class WebhooksView extends VerticalLayout {

    WebhooksView() {
        add(new NotBuiltYet("Webhooks", "Add signed webhook endpoints, choose their events, and read every delivery attempt with its response."));
    }
}
