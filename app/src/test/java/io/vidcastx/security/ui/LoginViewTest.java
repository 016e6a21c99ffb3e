package io.vidcastx.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import io.vidcastx.AppTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

class LoginViewTest extends AppTestSupport {

    @BeforeEach
    void signedOut() {
        ensureOwner();
        startUi();
    }

    /** What Spring Security's failure handler keeps in the session before redirecting to /login?error. */
    private static void lastFailure(Exception failure) {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
    }

    @Test
    void a_throttled_sign_in_says_so_instead_of_incorrect_password() {
        lastFailure(new LockedException("Too many failed sign-ins for this account: try again in 15 minutes"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(_get(LoginView.class).refusal).isEqualTo("Too many failed sign-ins for this account: try again in 15 minutes");
    }

    @Test
    void a_wrong_password_shows_the_usual_error() {
        lastFailure(new BadCredentialsException("Bad credentials"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(_get(LoginView.class).refusal).isNull();
    }
}
