package io.vidcastx.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.accounts.SetupAlreadyDoneException;
import io.vidcastx.db.jooq.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstRunTest extends AppTestSupport {

    @BeforeEach
    void freshInstall() {
        resetAccounts();
        startUi();
    }

    @Test
    void a_fresh_install_sends_the_sign_in_page_to_setup() {
        UI.getCurrent().navigate(LoginView.class);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SetupView.class);
    }

    @Test
    void setup_creates_the_owner_and_organization_then_offers_sign_in() {
        UI.getCurrent().navigate(SetupView.class);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Organization name")), "Ümlaut Films");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Your name")), "Ada Owner");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-mail")), "Ada@Example.com");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), OWNER_PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm password")), OWNER_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("Create account")));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        _get(LoginForm.class);
        var organization = dsl.selectFrom(Tables.ORGANIZATIONS).fetchSingle();
        assertThat(organization.getName()).isEqualTo("Ümlaut Films");
        assertThat(organization.getSlug()).isEqualTo("umlaut-films");
        var user = dsl.selectFrom(Tables.USERS).fetchSingle();
        assertThat(user.getEmail()).isEqualTo("ada@example.com");
        assertThat(user.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(OWNER_PASSWORD);
        assertThat(dsl.selectFrom(Tables.MEMBERSHIPS).fetchSingle().getRole()).isEqualTo("owner");
    }

    @Test
    void setup_refuses_a_short_password_and_mismatched_confirmation() {
        UI.getCurrent().navigate(SetupView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Organization name")), "Acme");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Your name")), "Ada");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-mail")), "ada@example.com");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "short");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm password")), "other");

        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Confirm password")).isInvalid()).isTrue();

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm password")), "short");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        var password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Use at least 12 characters");
        assertThat(accounts.isSetUp()).isFalse();
    }

    @Test
    void setup_happens_only_once() {
        accounts.setUp(new OwnerSetup("Acme", "Ada", "ada@example.com", OWNER_PASSWORD));

        assertThatThrownBy(() -> accounts.setUp(new OwnerSetup("Evil", "Eve", "eve@example.com", OWNER_PASSWORD)))
                .isInstanceOf(SetupAlreadyDoneException.class);
        UI.getCurrent().navigate(SetupView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }
}
