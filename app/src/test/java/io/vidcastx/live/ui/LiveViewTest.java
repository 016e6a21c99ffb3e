package io.vidcastx.live.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.LIVE_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.live.LiveStream;
import io.vidcastx.live.LiveStreamService;
import io.vidcastx.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LiveViewTest extends AppTestSupport {

    @Autowired
    LiveStreamService streams;

    private Caller owner;

    @BeforeEach
    void noStreams() {
        ensureOwner();
        dsl.deleteFrom(LIVE_STREAMS).where(LIVE_STREAMS.ORGANIZATION_ID.eq(ownersOrganization())).execute();
        owner = new Caller(ownersOrganization(), null, null, Role.OWNER);
    }

    private LiveView openList() {
        startUi();
        UI.getCurrent().navigate("live");
        return _get(LiveView.class);
    }

    @Test
    void an_owner_creates_a_stream_reveals_and_resets_its_key_disables_and_deletes_it() {
        signInAsOwner();
        var list = openList();
        _click(list.create);
        _click(_get(Button.class, spec -> spec.withText("Create")));

        var page = _get(LiveStreamView.class);
        var stream = streams.page(owner, 0, 10).getFirst();
        String key = streams.revealKey(owner, stream.id());
        assertThat(page.streamKey.getValue()).isEqualTo(key);
        assertThat(page.streamKey.isRevealButtonVisible()).isTrue();
        assertThat(stream.recordingPolicy()).isEqualTo("public");
        assertThat(stream.playbackIds()).singleElement().satisfies(id -> assertThat(id.policy()).isEqualTo("public"));

        _click(page.resetKey);
        var warning = _get(ConfirmDialog.class);
        assertThat(warning.getElement().getProperty("message")).contains("paste the new key");
        ConfirmDialogKt._fireConfirm(warning);
        page = _get(LiveStreamView.class);
        String newKey = streams.revealKey(owner, stream.id());
        assertThat(newKey).isNotEqualTo(key);
        assertThat(page.streamKey.getValue()).isEqualTo(newKey);

        _click(page.toggle);
        assertThat(streams.get(owner, stream.id()).orElseThrow().status()).isEqualTo("disabled");
        page = _get(LiveStreamView.class);
        assertThat(page.toggle.getText()).isEqualTo("Enable");

        _click(page.delete);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(streams.get(owner, stream.id())).isEmpty();
        _get(LiveView.class);
    }

    @Test
    void the_list_shows_a_live_stream_with_a_green_dot_and_its_time_live_and_a_viewer_sees_no_key_or_buttons() {
        var stream = streams.create(owner, List.of("public"), null, 60);
        dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.STATUS, "active").where(LIVE_STREAMS.LIVE_STREAM_ID.eq(stream.id())).execute();
        dsl.insertInto(LIVE_SESSIONS).set(LIVE_SESSIONS.LIVE_SESSION_ID, UUID.randomUUID())
                .set(LIVE_SESSIONS.LIVE_STREAM_ID, stream.id()).set(LIVE_SESSIONS.ORGANIZATION_ID, owner.organizationId())
                .set(LIVE_SESSIONS.STATUS, "connected").set(LIVE_SESSIONS.NODE_ID, "node-a")
                .set(LIVE_SESSIONS.STARTED_AT, OffsetDateTime.now().minusSeconds(75))
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, OffsetDateTime.now().plusMinutes(1)).execute();

        signInWithRole(Role.VIEWER);
        var list = openList();
        assertThat(list.create.isVisible()).isFalse();
        LiveStream shown = GridKt._get(list.grid, 0);
        assertThat(shown.isActive()).isTrue();
        assertThat(LiveView.state(shown).getElement().getTextRecursively()).matches("\\s*Live 1:1\\d\\s*");

        UI.getCurrent().navigate("live/stream/" + stream.id());
        var page = _get(LiveStreamView.class);
        assertThat(page.streamKey.isAttached()).isFalse();
        assertThat(page.delete.isAttached()).isFalse();
    }
}
