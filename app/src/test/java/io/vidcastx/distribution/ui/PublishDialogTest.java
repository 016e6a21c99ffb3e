package io.vidcastx.distribution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static io.vidcastx.db.jooq.Tables.VIDEO_DISTRIBUTIONS;
import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.RealMp4;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The video page's Publishing section and Publish to YouTube dialog, per role. */
class PublishDialogTest extends AppTestSupport {

    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;

    VideoId video;

    @BeforeEach
    void connected() {
        ensureOwner();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        video = TestData.readyVideo(dsl, ownersOrganization(), "Launch day");
        dsl.insertInto(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, ownersOrganization())
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:unused").execute();
    }

    @AfterEach
    void disconnect() {
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
    }

    private PublishingPanel open() {
        startUi();
        UI.getCurrent().navigate("videos/" + video);
        return _get(PublishingPanel.class);
    }

    @Test
    void aMemberPublishesAndPublishingAgainAsksFirst() {
        signInWithRole(Role.MEMBER);
        var panel = open();
        assertThat(panel.publish.isVisible()).isTrue();
        assertThat(panel.history.getElement().getTextRecursively()).contains("Not published anywhere yet");
        _click(panel.publish);
        var dialog = _get(PublishDialog.class);
        assertThat(dialog.title.getValue()).isEqualTo("Launch day");
        _setValue(dialog.title, "");
        _click(dialog.send);
        assertThat(dialog.problem.getText()).contains("title must not be empty");
        _setValue(dialog.title, "Launch day on YouTube");
        _setValue(dialog.tags, "launch, demo");
        _setValue(dialog.privacy, "unlisted");
        _click(dialog.send);

        var row = dsl.selectFrom(VIDEO_DISTRIBUTIONS).where(VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video)).fetchSingle();
        assertThat(row.getTitle()).isEqualTo("Launch day on YouTube");
        assertThat(row.getTags()).isEqualTo("launch\ndemo");
        assertThat(row.getPrivacy()).isEqualTo("unlisted");
        assertThat(panel.history.getElement().getTextRecursively()).contains("Queued");

        // Cancel, then publish again: the dialog asks before sending a second copy.
        _click(_get(panel, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Cancel upload")));
        assertThat(panel.history.getElement().getTextRecursively()).contains("Cancelled");
        _click(panel.publish);
        _click(_get(PublishDialog.class).send);
        var confirm = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(dsl.selectFrom(VIDEO_DISTRIBUTIONS).where(VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video)).fetchSingle()
                .getStatus()).isEqualTo("queued");
    }

    @Test
    void theThumbnailIsChosenWithAPreviewOfTheFrame(@TempDir Path scratch) throws Exception {
        dsl.update(VIDEOS).set(VIDEOS.WIDTH, 320).set(VIDEOS.HEIGHT, 180).set(VIDEOS.DURATION_SECONDS, RealMp4.SECONDS)
                .where(VIDEOS.VIDEO_ID.eq(video)).execute();
        RealMp4.store(runner, ffmpeg, storage, video, scratch);
        signInWithRole(Role.MEMBER);
        _click(open().publish);
        var dialog = _get(PublishDialog.class);
        String playbackId = TestData.playbackId(video);
        assertThat(dialog.thumbnail.getValue()).isEqualTo(PublishDialog.POSTER);
        assertThat(dialog.thumbnailTime.isVisible()).isFalse();
        assertThat(dialog.thumbnailPreview.getSrc()).isEqualTo("image/" + playbackId + "/thumbnail.jpg?width=320");

        _setValue(dialog.thumbnail, PublishDialog.NONE);
        assertThat(dialog.thumbnailPreview.isVisible()).isFalse();
        _setValue(dialog.thumbnail, PublishDialog.FRAME);
        _setValue(dialog.thumbnailTime, 3.0);
        assertThat(dialog.thumbnailTime.isVisible()).isTrue();
        assertThat(dialog.thumbnailPreview.getSrc()).isEqualTo("image/" + playbackId + "/thumbnail.jpg?width=320&time=3");
        assertThat(dialog.thumbnailPreview.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("frame at 3 s"));
        _click(dialog.send);

        String kept = dsl.select(VIDEO_DISTRIBUTIONS.THUMBNAIL_KEY).from(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video)).fetchSingle().value1();
        assertThat(kept).contains("/kept/");
        assertThat(storage.stat(kept)).isPresent();
    }

    @Test
    void aVideoWithoutPicturesOffersAndSendsNoThumbnail() {
        signInWithRole(Role.MEMBER);
        _click(open().publish);
        var dialog = _get(PublishDialog.class);
        assertThat(dialog.thumbnail.isVisible()).isFalse();
        assertThat(dialog.thumbnailPreview.isVisible()).isFalse();
        _click(dialog.send);
        assertThat(dsl.select(VIDEO_DISTRIBUTIONS.THUMBNAIL_KEY).from(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video)).fetchSingle().value1()).isNull();
    }

    @Test
    void aViewerSeesTheHistoryButCannotPublish() {
        signInWithRole(Role.VIEWER);
        var panel = open();
        assertThat(panel.publish.isVisible()).isFalse();
        assertThat(_find(PublishDialog.class)).isEmpty();
    }

    @Test
    void withoutAConnectionPublishIsDisabled() {
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        signInWithRole(Role.ADMIN);
        var panel = open();
        assertThat(panel.publish.isEnabled()).isFalse();
    }
}
