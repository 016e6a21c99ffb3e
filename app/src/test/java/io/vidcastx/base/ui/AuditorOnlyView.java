package io.vidcastx.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A page for a role nobody in the product has: the menu must leave it out unless the person has it. */
@Route("test/auditor-only")
@Menu(title = "Audit log", order = 33, icon = "vaadin:lock")
@RolesAllowed("AUDITOR")
class AuditorOnlyView extends Div {
}
