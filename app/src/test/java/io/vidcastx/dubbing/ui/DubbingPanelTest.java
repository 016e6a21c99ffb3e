package io.vidcastx.dubbing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.vidcastx.db.jooq.Tables.AUDIO_TRACKS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATION_DUBBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.dubbing.AudioTrackStatus;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The video page's dubbing panel per role: what it offers, starting a dub, a track's state, preview, download, remove. */
class DubbingPanelTest extends AppTestSupport {

    @Autowired
    AudioTrackStore tracks;
    @Autowired
    DubbingAccounts dubbingAccounts;
    @Autowired
    LocalDubbingTools tools;

    private VideoId video;

    @BeforeEach
    void video() {
        ensureOwner();
        dsl.deleteFrom(ORGANIZATION_DUBBING).execute();
        video = TestData.readyVideo(dsl, ownersOrganization(), "To dub");
    }

    private DubbingPanel open() {
        startUi();
        UI.getCurrent().navigate("videos/" + video);
        return _get(DubbingPanel.class);
    }

    /** A finished Spanish dub, as the AI worker leaves it. */
    private void readySpanish() {
        var track = tracks.request(ownersOrganization(), video, "es", "Español", DubbingProvider.LOCAL, null, false);
        dsl.update(AUDIO_TRACKS).set(AUDIO_TRACKS.STATUS, "ready").set(AUDIO_TRACKS.PROGRESS, 100)
                .set(AUDIO_TRACKS.FOLDER, "dub0a1b2c3d").where(AUDIO_TRACKS.AUDIO_TRACK_ID.eq(track.id())).execute();
    }

    @Test
    void a_viewer_previews_and_downloads_a_dub_but_cannot_dub_or_remove() {
        readySpanish();
        signInWithRole(Role.VIEWER);
        var panel = open();

        assertThat(panel.dub.isAttached()).isFalse();
        var row = _get(panel.tracks, DubbedTrackRow.class);
        assertThat(row.status.getText()).isEqualTo("Ready");
        assertThat(row.remove.isVisible()).isFalse();
        String audio = "stream/" + TestData.playbackId(video) + "/dub0a1b2c3d/audio.m4a";
        assertThat(_get(row, HtmlComponent.class, spec -> spec.withPredicate(c -> c.getElement().getTag().equals("audio")))
                .getElement().getAttribute("src")).isEqualTo(audio);
        assertThat(_get(row, Anchor.class).getHref()).isEqualTo(audio + "?download=dub-es");
    }

    @Test
    void a_member_dubs_into_an_installed_language_and_the_panel_follows_the_dub() {
        assumeThat(tools.targets("en")).as("apertium-eng-spa and espeak-ng are not installed").contains("es");
        signInWithRole(Role.MEMBER);
        var panel = open();
        assertThat(panel.provider.getListDataView().getItems()).containsExactly(DubbingProvider.LOCAL);
        assertThat(panel.language.getListDataView().getItems()).contains("es").doesNotContain("en");

        _setValue(panel.language, "es");
        assertThat(panel.voice.getListDataView().getItems()).contains("", "es");
        _setValue(panel.keepBackground, true);
        _click(panel.dub);

        var track = tracks.find(ownersOrganization(), video, "es").orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.PREPARING);
        assertThat(track.keepBackground()).isTrue();
        assertThat(_get(panel.tracks, DubbedTrackRow.class).status.getText()).isEqualTo("Dubbing… 0%");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DubbingPanel.POLL_MS);

        // The worker's progress appears at the next poll.
        tracks.progress(ownersOrganization(), track.id(), 40);
        panel.refresh();
        assertThat(_get(panel.tracks, DubbedTrackRow.class).status.getText()).isEqualTo("Dubbing… 40%");
    }

    @Test
    void elevenlabs_is_offered_with_its_languages_once_the_organization_has_a_key_and_failures_show_their_reason() {
        dubbingAccounts.setElevenLabsKey(ownersOrganization(), "sk_0123456789abcdef0123");
        var track = tracks.request(ownersOrganization(), video, "ja", "日本語", DubbingProvider.ELEVENLABS, null, false);
        tracks.failed(ownersOrganization(), track.id(), "The organization's ElevenLabs account has no quota left (402).");
        signInAsOwner();
        var panel = open();

        assertThat(panel.provider.getListDataView().getItems())
                .containsExactly(DubbingProvider.LOCAL, DubbingProvider.ELEVENLABS);
        _setValue(panel.provider, DubbingProvider.ELEVENLABS);
        assertThat(panel.language.getListDataView().getItems()).contains("ja", "es", "fil").doesNotContain("sw");
        assertThat(panel.voice.isVisible()).isFalse();
        var row = _get(panel.tracks, DubbedTrackRow.class);
        assertThat(row.status.getText()).isEqualTo("Failed");
        assertThat(_find(row, com.vaadin.flow.component.html.Paragraph.class)).extracting(p -> p.getText())
                .contains("The organization's ElevenLabs account has no quota left (402).");
    }

    @Test
    void a_member_removes_a_dub() {
        readySpanish();
        signInWithRole(Role.MEMBER);
        var panel = open();

        _click(_get(panel.tracks, DubbedTrackRow.class).remove);

        assertThat(tracks.find(ownersOrganization(), video, "es")).isEmpty();
        assertThat(_find(panel.tracks, DubbedTrackRow.class)).isEmpty();
    }
}
