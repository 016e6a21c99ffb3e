package io.vidcastx.apikeys.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("developers/api-keys")
@PageTitle("API Keys | Vidcastx")
@Menu(title = "API Keys", order = 4)
@PermitAll
final class ApiKeysView extends VerticalLayout {

    ApiKeysView() {
        add(new NotBuiltYet("API Keys", "Create API keys for the REST API (the secret is shown once), see when each was last used, and revoke them."));
    }
}
