package io.vidcastx.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Menu;
import io.vidcastx.AppTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

class DashboardLayoutTest extends AppTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.vidcastx.security.CallerResolver callers;

    @BeforeEach
    void signIn() {
        signInAsOwner();
        startUi();
    }

    @Test
    void the_sidebar_has_the_sections_of_the_product() {
        UI.getCurrent().navigate("");

        var sections = _find(SideNav.class);
        assertThat(sections).extracting(SideNav::getLabel)
                .containsExactly("Media", "Data", "Developers", "Settings");
        Map<String, List<String>> items = new java.util.LinkedHashMap<>();
        for (var section : sections) {
            items.put(section.getLabel(), section.getItems().stream().map(SideNavItem::getLabel).toList());
        }
        assertThat(items).containsExactly(
                Map.entry("Media", List.of("Home", "Videos", "Transcripts", "Live")),
                Map.entry("Data", List.of("Analytics")),
                Map.entry("Developers", List.of("API Keys", "Webhooks")),
                Map.entry("Settings", List.of("General", "Team", "Billing", "Integrations")));
        var home = sections.getFirst().getItems().getFirst();
        assertThat(home.getPath()).isIn("", "/");
        assertThat(((Icon) home.getPrefixComponent()).getElement().getAttribute("icon")).isEqualTo("vaadin:home");
        var webhooks = sections.get(2).getItems().get(1);
        assertThat(webhooks.getPath()).endsWith("developers/webhooks");
        assertThat(((Icon) webhooks.getPrefixComponent()).getElement().getAttribute("icon")).isEqualTo("vaadin:connect");
    }

    @Test
    void every_menu_view_has_an_order_and_an_icon() throws Exception {
        double unset = (double) Menu.class.getMethod("order").getDefaultValue();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        var views = scanner.findCandidateComponents("io.vidcastx");

        assertThat(views).hasSizeGreaterThanOrEqualTo(10);
        for (var view : views) {
            var menu = Class.forName(view.getBeanClassName()).getAnnotation(Menu.class);
            assertThat(menu.order()).as(view.getBeanClassName()).isNotEqualTo(unset);
            assertThat(menu.icon()).as(view.getBeanClassName()).startsWith("vaadin:");
        }
    }

    @Test
    void the_menu_leaves_out_pages_the_person_may_not_open() {
        UI.getCurrent().navigate("");
        assertThat(labels()).doesNotContain("Audit log");

        MockVaadin.tearDown();
        var auditor = User.withUsername(OWNER_EMAIL).password("n/a").roles("USER", "AUDITOR").build();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(auditor, null, auditor.getAuthorities()));
        startUi();
        UI.getCurrent().navigate("");

        assertThat(labels()).endsWith("Billing", "Audit log", "Integrations");
    }

    private static List<String> labels() {
        return _find(SideNav.class).stream().flatMap(nav -> nav.getItems().stream()).map(SideNavItem::getLabel).toList();
    }

    @Test
    void the_drawer_names_the_organization_and_the_signed_in_person() {
        UI.getCurrent().navigate("");

        @SuppressWarnings("unchecked")
        var switcher = (com.vaadin.flow.component.select.Select<io.vidcastx.accounts.SignedInAccount>)
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withClasses("organization-switcher"));
        assertThat(switcher.getValue().organizationName()).isEqualTo("Acme Films");
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("Ada Owner"))).hasSize(1);
    }

    @Test
    void a_new_organization_from_the_switcher_becomes_the_current_one_with_its_own_videos() {
        UI.getCurrent().navigate("");
        var before = callers.current().orElseThrow();

        _click(_find(com.vaadin.flow.component.button.Button.class).stream()
                .filter(button -> "New organization".equals(button.getAriaLabel().orElse(null))).findFirst().orElseThrow());
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(
                _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Name")), "Second Studio");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Create")));

        var after = callers.current().orElseThrow();
        assertThat(after.organizationId()).isNotEqualTo(before.organizationId());
        assertThat(after.role()).isEqualTo(io.vidcastx.accounts.Role.OWNER);
        assertThat(accounts.organizations(OWNER_EMAIL)).extracting(io.vidcastx.accounts.SignedInAccount::organizationName)
                .contains("Acme Films", "Second Studio");
        assertThat(accounts.switchTo(OWNER_EMAIL, before.organizationId())).isTrue();
        assertThat(callers.current().orElseThrow().organizationId()).isEqualTo(before.organizationId());
        assertThat(accounts.switchTo(OWNER_EMAIL, io.vidcastx.db.ids.OrganizationId.random())).as("not a member").isFalse();
    }
}
