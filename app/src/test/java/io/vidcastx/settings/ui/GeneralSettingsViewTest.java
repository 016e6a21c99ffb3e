package io.vidcastx.settings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import org.junit.jupiter.api.Test;

class GeneralSettingsViewTest extends AppTestSupport {

    private GeneralSettingsView open() {
        startUi();
        UI.getCurrent().navigate("settings/general");
        return _get(GeneralSettingsView.class);
    }

    private String slugOfOwnersOrganization() {
        return dsl.select(ORGANIZATIONS.SLUG).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT).limit(1).fetchSingle().value1();
    }

    @Test
    void an_owner_renames_the_organization_and_changes_its_slug() {
        signInAsOwner();
        var view = open();

        view.name.setValue("Acme Films International");
        view.slug.setValue("acme-intl-" + System.nanoTime() % 100000);
        _click(view.save);

        assertThat(view.slug.isInvalid()).isFalse();
        assertThat(slugOfOwnersOrganization()).isEqualTo(view.slug.getValue());
        view.name.setValue("Acme Films");
        _click(view.save);
    }

    @Test
    void a_malformed_or_taken_slug_is_refused_with_a_reason() {
        signInAsOwner();
        var taken = "taken-" + System.nanoTime() % 100000;
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, taken).execute();
        var view = open();
        String before = slugOfOwnersOrganization();

        view.slug.setValue("Not A Slug!");
        _click(view.save);
        assertThat(view.slug.isInvalid()).isTrue();
        assertThat(view.slug.getErrorMessage()).contains("lower-case letters");

        view.slug.setValue(taken);
        _click(view.save);
        assertThat(view.slug.getErrorMessage()).contains("Another organization uses");
        assertThat(slugOfOwnersOrganization()).isEqualTo(before);
    }

    @Test
    void a_viewer_sees_the_settings_read_only() {
        signInWithRole(Role.VIEWER);
        var view = open();

        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.slug.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
    }
}
