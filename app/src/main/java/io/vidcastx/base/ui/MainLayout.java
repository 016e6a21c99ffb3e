package io.vidcastx.base.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.vidcastx.accounts.AccountService;
import jakarta.annotation.security.PermitAll;

/**
 * The dashboard frame: the organization at the top, the product's sections in the side navigation.
 * Items link by path so that views stay package-private in their feature packages.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H2 viewTitle = new H2();
    private final Div notices = new Div();
    private final List<DashboardNotices> noticeSources;

    MainLayout(AuthenticationContext authentication, AccountService accounts, List<DashboardNotices> noticeSources) {
        this.noticeSources = noticeSources;
        setPrimarySection(Section.DRAWER);
        var signedIn = accounts.currentAccount(authentication);

        var brand = new H1("Vidcastx");
        brand.addClassName("brand");
        var header = new Div(brand);
        signedIn.ifPresent(account -> header.add(new OrganizationSwitcher(accounts, account)));
        header.addClassName("drawer-header");

        var navigation = new Div(
                section("Media",
                        item("Home", "", VaadinIcon.HOME),
                        item("Videos", "videos", VaadinIcon.FILM),
                        item("Transcripts", "transcripts", VaadinIcon.SEARCH),
                        item("Live", "live", VaadinIcon.SIGNAL)),
                section("Data",
                        item("Analytics", "analytics", VaadinIcon.CHART)),
                section("Developers",
                        item("API Keys", "developers/api-keys", VaadinIcon.KEY),
                        item("Webhooks", "developers/webhooks", VaadinIcon.CONNECT)),
                section("Settings",
                        item("General", "settings/general", VaadinIcon.COG),
                        item("Team", "settings/team", VaadinIcon.USERS),
                        item("Billing", "settings/billing", VaadinIcon.CREDIT_CARD)));
        navigation.addClassName("navigation");

        addToDrawer(header, new Scroller(navigation), userFooter(authentication, signedIn.map(a -> a.displayName()).orElse("")));
        viewTitle.addClassName("view-title");
        notices.addClassName("dashboard-notices");
        addToNavbar(new DrawerToggle(), viewTitle, notices);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // The menu title ("Videos"), not the page title ("Videos | Vidcastx") meant for the browser tab.
        var content = getContent();
        var menu = content != null ? content.getClass().getAnnotation(Menu.class) : null;
        var page = content != null ? content.getClass().getAnnotation(com.vaadin.flow.router.PageTitle.class) : null;
        viewTitle.setText(menu != null ? menu.title() : page != null ? page.value().replace(" | Vidcastx", "") : "");
        showNotices();
    }

    private void showNotices() {
        notices.removeAll();
        for (var source : noticeSources) {
            for (var notice : source.current()) {
                var link = new Anchor(notice.path(), notice.text());
                link.addClassName("dashboard-notice");
                notices.add(link);
            }
        }
    }

    private static SideNav section(String label, SideNavItem... items) {
        var nav = new SideNav(label);
        nav.setCollapsible(true);
        nav.addItem(items);
        return nav;
    }

    private static SideNavItem item(String label, String path, VaadinIcon icon) {
        return new SideNavItem(label, path, icon.create());
    }

    private static Component userFooter(AuthenticationContext authentication, String name) {
        var avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        var signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var footer = new HorizontalLayout(avatar, new Span(name), signOut);
        footer.setAlignItems(FlexComponent.Alignment.CENTER);
        footer.addClassName("drawer-footer");
        return footer;
    }
}
