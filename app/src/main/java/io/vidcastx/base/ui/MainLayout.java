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
import com.vaadin.flow.component.icon.Icon;
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
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.vidcastx.accounts.AccountService;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard frame: the organization at the top, the product's sections in the side navigation.
 * The navigation is built from the views' {@code @Menu} ({@link MenuConfiguration}), which leaves
 * out views the signed-in person may not open; items link by path, so views stay package-private.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    /**
     * The side navigation's sections. A view joins the menu through its {@code @Menu}; its order puts
     * it in the last section starting at or below it (Media 0-9, Data 10-19, Developers 20-29,
     * Settings from 30).
     */
    static final List<MenuSection> SECTIONS = List.of(new MenuSection("Media", 0), new MenuSection("Data", 10),
            new MenuSection("Developers", 20), new MenuSection("Settings", 30));

    record MenuSection(String label, double firstOrder) {
    }

    /** The section of a menu order: the last one starting at or below it (no order: the last section). */
    static MenuSection sectionOf(@Nullable Double order) {
        var found = SECTIONS.getLast();
        if (order != null) {
            for (var section : SECTIONS) {
                if (order >= section.firstOrder()) {
                    found = section;
                }
            }
        }
        return found;
    }

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

        var navigation = new Div();
        var entries = MenuConfiguration.getMenuEntries();
        for (var section : SECTIONS) {
            var items = entries.stream().filter(entry -> sectionOf(entry.order()).equals(section)).toList();
            if (!items.isEmpty()) {
                navigation.add(section(section.label(), items));
            }
        }
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

    private static SideNav section(String label, List<MenuEntry> entries) {
        var nav = new SideNav(label);
        nav.setCollapsible(true);
        for (var entry : entries) {
            nav.addItem(entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon())));
        }
        return nav;
    }

    private static Component userFooter(AuthenticationContext authentication, String name) {
        var avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        var signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var user = new Span(name);
        user.addClassName("drawer-user"); // a long address shortens with an ellipsis; "Sign out" always shows whole
        user.getElement().setAttribute("title", name);
        signOut.addClassName("drawer-sign-out");
        var footer = new HorizontalLayout(avatar, user, signOut);
        footer.setAlignItems(FlexComponent.Alignment.CENTER);
        footer.addClassName("drawer-footer");
        return footer;
    }
}
