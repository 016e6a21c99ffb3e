package io.vidcastx.distribution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.youtube.YouTubeGoogle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings › Integrations › YouTube as each role sees it. */
class YouTubeIntegrationViewTest extends AppTestSupport {

    @Autowired
    YouTubeGoogle google;

    @BeforeEach
    void configure() {
        ensureOwner();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        var configured = google.endpoints();
        google.pointAt(new YouTubeGoogle.Endpoints("id", "secret", configured.authUri(), configured.tokenUri(),
                configured.apiRoot()));
    }

    @AfterEach
    void reset() {
        google.reset();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
    }

    private YouTubeIntegrationView open() {
        startUi();
        UI.getCurrent().navigate("settings/integrations/youtube");
        return _get(YouTubeIntegrationView.class);
    }

    @Test
    void anAdminSeesConnect() {
        signInWithRole(Role.ADMIN);
        var view = open();
        assertThat(view.connect.isVisible()).isTrue();
        assertThat(view.connect.isEnabled()).isTrue();
        assertThat(view.disconnect.isVisible()).isFalse();
        assertThat(view.channel.getElement().getTextRecursively()).contains("No YouTube channel is connected");
    }

    @Test
    void aMemberMayNotConnectAndIsToldWhoCan() {
        signInWithRole(Role.MEMBER);
        var view = open();
        assertThat(view.connect.isVisible()).isFalse();
        assertThat(view.disconnect.isVisible()).isFalse();
        assertThat(view.notice.getElement().getTextRecursively()).contains("Ask an Admin");
    }

    @Test
    void aConnectedChannelThatNeedsReconnectSaysSo() {
        dsl.insertInto(YOUTUBE_CONNECTIONS)
                .set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, ownersOrganization())
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme Channel")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:x").set(YOUTUBE_CONNECTIONS.STATUS, "needs_reconnect")
                .set(YOUTUBE_CONNECTIONS.STATUS_REASON, "Google no longer accepts this connection").execute();
        signInWithRole(Role.ADMIN);
        var view = open();
        assertThat(view.channel.getElement().getTextRecursively()).contains("Acme Channel").contains("Needs reconnect");
        assertThat(view.connect.getText()).isEqualTo("Reconnect YouTube");
        assertThat(view.connect.isVisible()).isTrue();
        assertThat(view.disconnect.isVisible()).isTrue();
    }

    @Test
    void withoutAClientConfiguredConnectIsDisabledWithTheReason() {
        google.reset();
        signInWithRole(Role.OWNER);
        var view = open();
        assertThat(view.connect.isEnabled()).isFalse();
        assertThat(view.notice.getElement().getTextRecursively()).contains("VIDCASTX_YOUTUBE_CLIENT_ID");
    }
}
