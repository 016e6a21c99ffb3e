package io.vidcastx.base.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.SignedInAccount;

/** The organizations the signed-in person belongs to; choosing one reloads the dashboard in it. */
final class OrganizationSwitcher extends HorizontalLayout {

    final Select<SignedInAccount> organizations = new Select<>();
    final Button create = new Button(VaadinIcon.PLUS.create());

    OrganizationSwitcher(AccountService accounts, SignedInAccount current) {
        List<SignedInAccount> all = accounts.organizations(current.email());
        organizations.setItems(all);
        organizations.setItemLabelGenerator(SignedInAccount::organizationName);
        organizations.setValue(all.stream().filter(a -> a.organizationId().equals(current.organizationId()))
                .findFirst().orElse(current));
        organizations.setAriaLabel("Organization");
        organizations.addClassName("organization-switcher");
        organizations.addValueChangeListener(change -> {
            if (change.isFromClient() && accounts.switchTo(current.email(), change.getValue().organizationId())) {
                getUI().ifPresent(ui -> ui.getPage().setLocation(""));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        create.setAriaLabel("New organization");
        create.setTooltipText("New organization");
        create.addClickListener(click -> {
            var dialog = new Dialog();
            dialog.setHeaderTitle("New organization");
            var name = new TextField("Name");
            name.setWidth("20rem");
            var save = new Button("Create", event -> {
                try {
                    accounts.createOrganization(current.email(), name.getValue());
                    dialog.close();
                    getUI().ifPresent(ui -> ui.getPage().setLocation(""));
                } catch (IllegalArgumentException e) {
                    name.setInvalid(true);
                    name.setErrorMessage(e.getMessage());
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(name);
            dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
            dialog.open();
        });
        OrganizationLogo.of(accounts, current, "2rem").ifPresent(this::add);
        add(organizations, create);
        setAlignItems(Alignment.CENTER);
        setSpacing(false);
        setWidthFull();
        expand(organizations);
    }
}
