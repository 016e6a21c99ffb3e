package io.vidcastx;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * One Spring context for every app test (a real server on a random port, embedded PostgreSQL, Redis
 * and S3 shared by the JVM), plus browserless Vaadin UIs through Karibu.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppTestSupport {

    /** Route discovery scans the classpath: once per JVM is enough. */
    private static final Routes ROUTES = discoverRoutes();

    public static final String OWNER_EMAIL = "owner@example.com";
    public static final String OWNER_PASSWORD = "correct horse battery staple";

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected DSLContext dsl;
    @Autowired
    protected AccountService accounts;

    /**
     * Karibu's own discovery skips package-private classes, and our views are package-private in their
     * feature packages (STYLE.md), so Spring's scanner finds them.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var discovered = new Routes().autoDiscoverViews("io.vidcastx");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        Set<Class<? extends Component>> views = new LinkedHashSet<>(discovered.getRoutes());
        for (var candidate : scanner.findCandidateComponents("io.vidcastx")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(
                    java.util.Objects.requireNonNull(candidate.getBeanClassName()), null));
        }
        return new Routes(views, discovered.getErrorRoutes(), true);
    }

    /**
     * A browserless UI. Vaadin's view access control reads the servlet request's principal and roles,
     * so the signed-in user of the security context is put on the fake request too.
     */
    protected void startUi() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        if (authentication != null) {
            // Vaadin's security context strategy keeps the context in the HTTP session, as a real sign-in would.
            var securityContext = SecurityContextHolder.createEmptyContext();
            securityContext.setAuthentication(authentication);
            VaadinServletRequest.getCurrent().getHttpServletRequest().getSession().setAttribute(
                    org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    securityContext);
            context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                    .ifAvailable(strategy -> strategy.setContext(securityContext));
            var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)));
        }
    }

    @AfterEach
    void tearDownUi() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Back to a fresh install: no organizations, no people. */
    protected void resetAccounts() {
        dsl.deleteFrom(USERS).execute();
        dsl.deleteFrom(ORGANIZATIONS).execute();
    }

    /** The test owner and organization exist (after a test that reset the accounts, they are made again). */
    protected void ensureOwner() {
        if (!dsl.fetchExists(USERS, USERS.EMAIL.eq(OWNER_EMAIL))) {
            resetAccounts();
            accounts.setUp(new OwnerSetup("Acme Films", "Ada Owner", OWNER_EMAIL, OWNER_PASSWORD));
        }
    }

    /** The owner's organization: the oldest one. */
    protected io.vidcastx.db.ids.OrganizationId ownersOrganization() {
        return dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
    }

    /** Signs in as the owner for the browserless UI, as the login form would. */
    protected void signInAsOwner() {
        ensureOwner();
        signInAs(OWNER_EMAIL);
    }

    /** A member of the owner's organization with the given role, signed in. */
    protected void signInWithRole(io.vidcastx.accounts.Role role) {
        ensureOwner();
        String email = role.dbValue() + "@example.com";
        var organization = dsl.select(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID)
                .from(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).orderBy(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        if (!dsl.fetchExists(USERS, USERS.EMAIL.eq(email))) {
            var userId = io.vidcastx.db.ids.UserId.random();
            dsl.insertInto(USERS).set(USERS.USER_ID, userId).set(USERS.EMAIL, email)
                    .set(USERS.DISPLAY_NAME, "A " + role.dbValue()).set(USERS.PASSWORD_HASH, "{noop}unused").execute();
            dsl.insertInto(io.vidcastx.db.jooq.Tables.MEMBERSHIPS).set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ORGANIZATION_ID, organization)
                    .set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.USER_ID, userId)
                    .set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE, role.dbValue()).execute();
        }
        signInAs(email);
    }

    private void signInAs(String email) {
        var user = User.withUsername(email).password("n/a").roles("USER").build();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }
}
