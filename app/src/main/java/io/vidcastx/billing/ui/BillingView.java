package io.vidcastx.billing.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("settings/billing")
@PageTitle("Billing | Vidcastx")
@Menu(title = "Billing", order = 32, icon = "vaadin:credit-card")
@PermitAll
final class BillingView extends VerticalLayout {

    BillingView() {
        add(new NotBuiltYet("Billing", "Your plan, usage this period and invoices."));
    }
}
