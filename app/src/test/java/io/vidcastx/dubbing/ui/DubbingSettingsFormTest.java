package io.vidcastx.dubbing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.vidcastx.db.jooq.Tables.ORGANIZATION_DUBBING;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.DubbingProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings › General's ElevenLabs key (write-only, sealed) and default provider, per role. */
class DubbingSettingsFormTest extends AppTestSupport {

    private static final String KEY = "sk_3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6";

    @Autowired
    DubbingAccounts dubbingAccounts;

    @BeforeEach
    void clean() {
        dsl.deleteFrom(ORGANIZATION_DUBBING).execute();
    }

    private DubbingSettingsForm open() {
        startUi();
        UI.getCurrent().navigate("settings/general");
        return _get(DubbingSettingsForm.class);
    }

    @Test
    void an_owner_sets_a_key_that_is_sealed_and_never_shown_again_then_removes_it() {
        signInAsOwner();
        var form = open();
        assertThat(form.keyState.getText()).contains("No ElevenLabs API key is set");
        assertThat(form.removeKey.isVisible()).isFalse();

        _setValue(form.apiKey, KEY);
        _click(form.saveKey);

        assertThat(form.apiKey.getValue()).isEmpty();
        assertThat(form.keyState.getText()).isEqualTo("An ElevenLabs API key is set.");
        String stored = dsl.select(ORGANIZATION_DUBBING.ELEVENLABS_API_KEY).from(ORGANIZATION_DUBBING)
                .where(ORGANIZATION_DUBBING.ORGANIZATION_ID.eq(ownersOrganization())).fetchSingle().value1();
        assertThat(stored).startsWith("v1:").doesNotContain(KEY).doesNotContain(KEY.substring(3, 20));
        assertThat(dubbingAccounts.elevenLabsKey(ownersOrganization())).contains(KEY);
        // A fresh page shows only that a key is set.
        var again = open();
        assertThat(again.apiKey.getValue()).isEmpty();
        assertThat(again.keyState.getText()).isEqualTo("An ElevenLabs API key is set.");
        assertThat(again.saveKey.getText()).isEqualTo("Replace key");

        _click(again.removeKey);
        assertThat(again.keyState.getText()).contains("No ElevenLabs API key is set");
        assertThat(dubbingAccounts.elevenLabsKey(ownersOrganization())).isEmpty();
    }

    @Test
    void a_malformed_key_is_refused_with_a_reason_and_not_stored() {
        signInAsOwner();
        var form = open();

        _setValue(form.apiKey, "not a key");
        _click(form.saveKey);

        assertThat(form.apiKey.isInvalid()).isTrue();
        assertThat(form.apiKey.getErrorMessage()).contains("16 to 200 letters");
        assertThat(dubbingAccounts.elevenLabsKey(ownersOrganization())).isEmpty();
    }

    @Test
    void elevenlabs_can_be_the_default_only_once_a_key_is_set() {
        signInAsOwner();
        var form = open();
        assertThat(form.defaultProvider.getListDataView().getItems()).containsExactly(DubbingProvider.LOCAL);

        _setValue(form.apiKey, KEY);
        _click(form.saveKey);
        _setValue(form.defaultProvider, DubbingProvider.ELEVENLABS);

        assertThat(dubbingAccounts.settings(ownersOrganization()).provider()).isEqualTo(DubbingProvider.ELEVENLABS);
        _click(form.removeKey);
        assertThat(dubbingAccounts.settings(ownersOrganization()).provider()).isEqualTo(DubbingProvider.LOCAL);
    }

    @Test
    void a_member_sees_whether_a_key_is_set_but_cannot_change_it() {
        ensureOwner();
        dubbingAccounts.setElevenLabsKey(ownersOrganization(), KEY);
        signInWithRole(Role.MEMBER);
        var form = open();

        assertThat(form.keyState.getText()).isEqualTo("An ElevenLabs API key is set.");
        assertThat(form.apiKey.isAttached()).isFalse();
        assertThat(form.saveKey.isAttached()).isFalse();
        assertThat(form.defaultProvider.isReadOnly()).isTrue();
    }
}
