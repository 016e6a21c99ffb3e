package io.vidcastx.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.vidcastx.accounts.AccountService;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in. Before anyone exists, it sends the visitor to first-run setup instead. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Vidcastx")
@AnonymousAllowed
public final class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    private final LoginForm form = new LoginForm();
    /** The throttle's message, when that is why the sign-in failed. */
    @Nullable String refusal;

    LoginView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var i18n = com.vaadin.flow.component.login.LoginI18n.createDefault();
        i18n.getForm().setUsername("E-mail");
        i18n.getErrorMessage().setTitle("Incorrect e-mail or password");
        i18n.getErrorMessage().setMessage("Check them and try again.");
        form.setI18n(i18n);
        var brand = new H1("Vidcastx");
        brand.addClassName("brand");
        add(new Div(brand, new Paragraph("Your own video platform")), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.isSetUp()) {
            event.forwardTo(SetupView.class);
            return;
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof LockedException throttled) {
            // Refused before the password was checked: saying "incorrect" would send them guessing again.
            refusal = throttled.getMessage();
            form.showErrorMessage("Too many failed sign-ins", refusal);
        } else {
            form.setError(failed);
        }
    }

    /** Why the last sign-in of this browser session failed, as Spring Security kept it for this page. */
    private static @Nullable Object lastFailure() {
        var request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
