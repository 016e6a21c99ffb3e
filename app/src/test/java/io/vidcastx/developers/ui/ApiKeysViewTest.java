package io.vidcastx.developers.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.vidcastx.db.jooq.Tables.API_KEYS;
import static io.vidcastx.db.jooq.Tables.SIGNING_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.developers.DeveloperKeysService;
import io.vidcastx.security.CallerResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ApiKeysViewTest extends AppTestSupport {

    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    DeveloperKeysService developerKeys;
    @Autowired
    CallerResolver callers;

    @BeforeEach
    void clean() {
        ensureOwner();
        dsl.deleteFrom(API_KEYS).execute();
        dsl.deleteFrom(SIGNING_KEYS).execute();
    }

    private ApiKeysView open() {
        startUi();
        UI.getCurrent().navigate("developers/api-keys");
        return _get(ApiKeysView.class);
    }

    private String shown(String label) {
        return _get(TextArea.class, spec -> spec.withLabel(label)).getValue();
    }

    @Test
    void an_admin_demoted_while_the_page_is_open_can_no_longer_create_keys_from_it() {
        signInWithRole(Role.ADMIN);
        var view = open();
        assertThat(view.createApiKey.isVisible()).isTrue();
        dsl.update(io.vidcastx.db.jooq.Tables.MEMBERSHIPS).set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE, "viewer")
                .where(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.USER_ID.in(dsl.select(io.vidcastx.db.jooq.Tables.USERS.USER_ID)
                        .from(io.vidcastx.db.jooq.Tables.USERS).where(io.vidcastx.db.jooq.Tables.USERS.EMAIL.eq("admin@example.com"))))
                .execute();
        try {
            _click(view.createApiKey);
            _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Too late");
            assertThatThrownBy(() -> _click(_get(Button.class, spec -> spec.withText("Create"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(dsl.fetchCount(API_KEYS)).isZero();
        } finally {
            dsl.update(io.vidcastx.db.jooq.Tables.MEMBERSHIPS).set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE, "admin")
                    .where(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE.eq("viewer").and(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.USER_ID
                            .in(dsl.select(io.vidcastx.db.jooq.Tables.USERS.USER_ID).from(io.vidcastx.db.jooq.Tables.USERS)
                                    .where(io.vidcastx.db.jooq.Tables.USERS.EMAIL.eq("admin@example.com"))))).execute();
        }
    }

    @Test
    void a_new_api_key_shows_its_secret_once_and_stores_only_a_hash() {
        signInAsOwner();
        var view = open();

        _click(view.createApiKey);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Production backend");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        String tokenId = shown("Token ID");
        String secret = shown("Secret");
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(apiKeys.authenticate(tokenId, secret)).isPresent();
        var row = dsl.selectFrom(API_KEYS).fetchSingle();
        assertThat(row.getSecretHash()).doesNotContain(secret).hasSize(64);
        assertThat(row.intoList()).noneMatch(value -> secret.equals(value));
        assertThat(GridKt._size(view.apiKeys)).isEqualTo(1);
        assertThat(GridKt._get(view.apiKeys, 0).name()).isEqualTo("Production backend");
    }

    @Test
    void a_revoked_key_is_refused_at_once() {
        signInAsOwner();
        var view = open();
        _click(view.createApiKey);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Temporary");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        String tokenId = shown("Token ID");
        String secret = shown("Secret");

        _click((Button) GridKt._getCellComponent(view.apiKeys, 0, "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(apiKeys.authenticate(tokenId, secret)).isEmpty();
        assertThat(GridKt._size(view.apiKeys)).isZero();
    }

    @Test
    void a_signing_key_hands_out_its_private_key_once() {
        signInAsOwner();
        var view = open();

        _click(view.createSigningKey);

        String privateKey = new String(java.util.Base64.getDecoder().decode(shown("Private key")));
        assertThat(privateKey).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(GridKt._size(view.signingKeys)).isEqualTo(1);
        assertThat(dsl.selectFrom(SIGNING_KEYS).fetchSingle().getPublicKey()).doesNotContain("PRIVATE");
    }

    @Test
    void a_member_sees_the_keys_but_cannot_create_or_revoke() {
        apiKeys.create(dsl.select(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID)
                .from(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).orderBy(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1(), "Existing");
        signInWithRole(Role.MEMBER);
        var view = open();

        assertThat(GridKt._size(view.apiKeys)).isEqualTo(1);
        assertThat(view.createApiKey.isVisible()).isFalse();
        assertThat(view.createSigningKey.isVisible()).isFalse();
        assertThat(view.apiKeys.getColumnByKey("revoke")).isNull();
        var member = callers.current().orElseThrow();
        assertThatThrownBy(() -> developerKeys.createApiKey(member, "sneaky", Role.VIEWER)).isInstanceOf(AccessDeniedException.class);
    }
}
