package io.vidcastx.settings.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.security.Caller;
import io.vidcastx.settings.OrganizationSettingsService;
import org.springframework.security.access.AccessDeniedException;

/** Deleting an organization cannot be undone, so the Owner types its slug first. */
final class DeleteOrganizationDialog extends Dialog {

    final TextField confirmation = new TextField();
    final Button delete = new Button("Delete for good");

    /** @param actor who deletes, resolved at the click: the service checks they are still its Owner */
    DeleteOrganizationDialog(OrganizationSettingsService settings, Supplier<Caller> actor, String email, String slug) {
        setHeaderTitle("Delete this organization?");
        confirmation.setLabel("Type " + slug + " to confirm");
        confirmation.setWidth("24rem");
        add(new Paragraph("Its videos and their files, API keys, webhooks, invitations and memberships are deleted. "
                + "This cannot be undone."), confirmation);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.addClickListener(click -> {
            try {
                settings.deleteOrganization(actor.get(), email, confirmation.getValue());
                var ui = getUI();
                close();
                // The session falls back to another organization of the owner's.
                ui.ifPresent(page -> page.getPage().setLocation(""));
            } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
                confirmation.setInvalid(true);
                confirmation.setErrorMessage(e.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", event -> close()), delete);
    }
}
