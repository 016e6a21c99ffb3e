package io.vidcastx.videos.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.core.videos.VideoStatusMessage;
import io.vidcastx.core.videos.VideoStatusPublisher;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class VideoDetailViewTest extends AppTestSupport {

    @Autowired
    VideoStatusPublisher statusPublisher;
    private OrganizationId organization;

    @BeforeEach
    void clean() {
        ensureOwner();
        organization = ownersOrganization();
        dsl.deleteFrom(VIDEOS).execute();
    }

    private VideoId video(String status, String error, String playbackId) {
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization).set(VIDEOS.TITLE, "Launch")
                .set(VIDEOS.STATUS, status).set(VIDEOS.ERROR_REASON, error).set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.SOURCE_KEY, "raw/" + id + "/source").set(VIDEOS.WIDTH, 1280).set(VIDEOS.HEIGHT, 720)
                .set(VIDEOS.ASPECT_RATIO, "16:9").set(VIDEOS.DURATION_SECONDS, 12.0).execute();
        if (status.equals("ready")) {
            dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                    .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "720p").set(RENDITIONS.KIND, "video")
                    .set(RENDITIONS.WIDTH, 1280).set(RENDITIONS.HEIGHT, 720).set(RENDITIONS.PLAYLIST_KEY, "hls/" + id + "/720p/index.m3u8")
                    .execute();
        }
        return id;
    }

    private VideoDetailView open(VideoId id) {
        startUi();
        UI.getCurrent().navigate("videos/" + id);
        return _get(VideoDetailView.class);
    }

    @Test
    void a_ready_video_shows_its_player_files_playback_id_and_embed_code() {
        signInAsOwner();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        var view = open(video("ready", null, playbackId));

        assertThat(_get(VideoPreview.class).src()).isEqualTo("stream/" + playbackId + ".m3u8");
        assertThat(view.title.getValue()).isEqualTo("Launch");
        var values = _find(CopyField.class).stream().map(CopyField::value).toList();
        assertThat(values).contains(playbackId);
        assertThat(values).anySatisfy(v -> assertThat(v).startsWith("<iframe src=\"").contains("/embed/" + playbackId)
                .contains("aspect-ratio:16/9"));
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).anySatisfy(href -> assertThat(href).endsWith(
                "/stream/" + playbackId + ".m3u8")).anySatisfy(href -> assertThat(href).contains("/stream/" + playbackId
                + "/720p/index.m3u8")).anySatisfy(href -> assertThat(href).contains("/highest.mp4"));
        assertThat(view.policy.getValue()).isEqualTo("public");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anySatisfy(text -> assertThat(text).isEqualTo("Not dubbed yet."));
    }

    private String badge() {
        return _get(Span.class, spec -> spec.withClasses("status-badge")).getText();
    }

    @Test
    void the_page_follows_transcoding_live_and_shows_the_player_once_the_video_is_ready() {
        signInAsOwner();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        var id = video("processing", null, playbackId);
        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 31).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        var view = open(id);
        assertThat(badge()).isEqualTo("Processing 31%");
        assertThat(_find(VideoPreview.class)).isEmpty();
        view.description.setValue("Typed while it transcodes");

        // What the transcode worker does: the row first, then the message on the status channel.
        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 64).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.PROCESSING, 64));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return badge().equals("Processing 64%");
        });

        dsl.update(VIDEOS).set(VIDEOS.STATUS, "ready").set(VIDEOS.PROGRESS, 100).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.READY, 100));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return !_find(VideoPreview.class).isEmpty();
        });

        assertThat(badge()).isEqualTo("Ready");
        assertThat(_get(VideoPreview.class).src()).isEqualTo("stream/" + playbackId + ".m3u8");
        assertThat(view.description.getValue()).isEqualTo("Typed while it transcodes");
    }

    @Test
    void messages_about_other_videos_leave_the_page_alone() {
        signInAsOwner();
        var id = video("processing", null, UUID.randomUUID().toString().replace("-", ""));
        var other = video("processing", null, UUID.randomUUID().toString().replace("-", ""));
        open(id);

        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 50).where(VIDEOS.VIDEO_ID.eq(other)).execute();
        statusPublisher.publish(new VideoStatusMessage(organization, other, VideoStatus.PROCESSING, 50));
        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 20).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.PROCESSING, 20));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return badge().equals("Processing 20%");
        });
    }

    @Test
    void editing_the_title_and_description_saves_them() {
        signInAsOwner();
        var id = video("ready", null, UUID.randomUUID().toString().replace("-", ""));
        var view = open(id);

        view.title.setValue("Launch, final cut");
        view.description.setValue("With the new intro");
        _click(view.save);

        var row = dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).fetchSingle();
        assertThat(row.getTitle()).isEqualTo("Launch, final cut");
        assertThat(row.getDescription()).isEqualTo("With the new intro");
        assertThat(row.getVersion()).isEqualTo(1);
    }

    @Test
    void a_failed_video_shows_its_reason_and_retry_transcodes_it_again() {
        signInAsOwner();
        var id = video("failed", "The file is truncated or damaged: only 3.0 of its 12.0 seconds could be decoded.",
                UUID.randomUUID().toString().replace("-", ""));
        var view = open(id);
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anySatisfy(text -> assertThat(text).contains("truncated or damaged"));

        _click(view.retry);

        assertThat(dsl.select(VIDEOS.STATUS).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).fetchSingle().value1()).isEqualTo("processing");
        assertThat(dsl.fetchCount(JOBS, JOBS.PAYLOAD.cast(String.class).contains(id.toString()))).isEqualTo(1);
    }

    @Test
    void delete_asks_then_removes_the_video() {
        signInAsOwner();
        var id = video("ready", null, UUID.randomUUID().toString().replace("-", ""));
        var view = open(id);

        _click(view.delete);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id))).isFalse();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("videos");
    }

    @Test
    void a_member_demoted_while_the_page_is_open_cannot_delete_from_it() {
        signInWithRole(Role.MEMBER);
        var id = video("ready", null, UUID.randomUUID().toString().replace("-", ""));
        var view = open(id);
        setRole("member@example.com", Role.VIEWER);
        try {
            _click(view.delete);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id))).isTrue();
        } finally {
            setRole("member@example.com", Role.MEMBER);
        }
    }

    private void setRole(String email, Role role) {
        dsl.update(io.vidcastx.db.jooq.Tables.MEMBERSHIPS).set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE, role.dbValue())
                .where(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.USER_ID.in(dsl.select(io.vidcastx.db.jooq.Tables.USERS.USER_ID)
                        .from(io.vidcastx.db.jooq.Tables.USERS).where(io.vidcastx.db.jooq.Tables.USERS.EMAIL.eq(email))))
                .execute();
    }

    @Test
    void a_viewer_may_look_but_not_edit_retry_or_delete() {
        signInWithRole(Role.VIEWER);
        var view = open(video("failed", "bad", UUID.randomUUID().toString().replace("-", "")));

        assertThat(view.title.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.retry.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isFalse();
        assertThat(view.policy.isReadOnly()).isTrue();
    }

    @Test
    void another_organizations_video_is_not_found() {
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, "other-" + other).execute();
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, other).set(VIDEOS.TITLE, "Secret")
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", "")).execute();
        signInAsOwner();
        startUi();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate("videos/" + id))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.NotFoundError.class)
                .hasMessageContaining("No such video");
    }
}
