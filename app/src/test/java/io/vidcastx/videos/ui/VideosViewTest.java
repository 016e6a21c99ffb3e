package io.vidcastx.videos.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.core.videos.VideoStatusMessage;
import io.vidcastx.core.videos.VideoStatusPublisher;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.testing.TestData;
import io.vidcastx.videos.VideoListItem;
import io.vidcastx.videos.VideoService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class VideosViewTest extends AppTestSupport {

    @Autowired
    VideoStatusPublisher statusPublisher;
    @Autowired
    VideoService videoService;
    @Autowired
    CallerResolver callers;

    private OrganizationId organization;

    @BeforeEach
    void clean() {
        ensureOwner();
        organization = ownersOrganization();
        dsl.deleteFrom(VIDEOS).execute();
    }

    private void open(Role role) {
        if (role == Role.OWNER) {
            signInAsOwner();
        } else {
            signInWithRole(role);
        }
        startUi();
        UI.getCurrent().navigate("videos");
    }

    private VideoId video(OrganizationId owner, String title, String status, int progress, String error, int minutesAgo) {
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, owner).set(VIDEOS.TITLE, title)
                .set(VIDEOS.STATUS, status).set(VIDEOS.PROGRESS, progress).set(VIDEOS.ERROR_REASON, error)
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                .set(VIDEOS.DURATION_SECONDS, 75.4)
                .set(VIDEOS.CREATED_AT, OffsetDateTime.now().minusMinutes(minutesAgo)).execute();
        return id;
    }

    @SuppressWarnings("unchecked")
    private Grid<VideoListItem> grid() {
        return _get(Grid.class);
    }

    private List<String> titles() {
        var grid = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).title()).toList();
    }

    private VideosView view() {
        return _get(VideosView.class);
    }

    private String badge(int row) {
        return GridKt._getCellComponent(grid(), row, "status").getElement().getText();
    }

    @Test
    void the_list_shows_the_organizations_videos_newest_first_with_status_and_duration() {
        video(organization, "Older", "ready", 100, null, 10);
        video(organization, "Newest", "processing", 42, null, 1);
        video(organization, "Broken", "failed", 0, "The file is not a video or audio file that can be read.", 5);
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, "other-" + other).execute();
        video(other, "Someone else's", "ready", 100, null, 0);

        open(Role.OWNER);

        assertThat(titles()).containsExactly("Newest", "Broken", "Older");
        assertThat(GridKt._getFormatted(grid(), 0, "duration")).isEqualTo("1:15");
        assertThat(badge(0)).isEqualTo("Processing 42%");
        var failed = GridKt._getCellComponent(grid(), 1, "status");
        assertThat(failed.getElement().getText()).isEqualTo("Failed");
        assertThat(failed.getElement().getAttribute("title")).contains("not a video");
    }

    @Test
    void tabs_count_each_status_and_filter_the_list() {
        video(organization, "A ready one", "ready", 100, null, 3);
        video(organization, "Another ready", "ready", 100, null, 2);
        video(organization, "Busy", "processing", 5, null, 1);
        open(Role.OWNER);
        var view = view();

        assertThat(view.tabs.getChildren().map(tab -> ((com.vaadin.flow.component.tabs.Tab) tab).getLabel()))
                .containsExactly("All (3)", "Processing (1)", "Ready (2)", "Failed (0)");
        view.tabs.setSelectedIndex(2);
        assertThat(titles()).containsExactly("Another ready", "A ready one");
        view.tabs.setSelectedIndex(3);
        assertThat(titles()).isEmpty();
    }

    @Test
    void search_narrows_the_list_and_the_counts_by_title() {
        video(organization, "Holiday in Lisbon", "ready", 100, null, 3);
        video(organization, "Quarterly results", "ready", 100, null, 2);
        video(organization, "holiday bloopers", "failed", 0, "x", 1);
        open(Role.OWNER);
        var view = view();

        view.search.setValue("HOLIDAY");

        assertThat(titles()).containsExactly("holiday bloopers", "Holiday in Lisbon");
        assertThat(((com.vaadin.flow.component.tabs.Tab) view.tabs.getComponentAt(0)).getLabel()).isEqualTo("All (2)");
        view.search.setValue("50%_");
        assertThat(titles()).isEmpty();
    }

    @Test
    void deleting_selected_videos_asks_first() {
        var keep = video(organization, "Keep me", "ready", 100, null, 2);
        var drop = video(organization, "Delete me", "ready", 100, null, 1);
        open(Role.OWNER);
        var view = view();
        grid().select(GridKt._get(grid(), 0));

        _click(view.deleteSelected);
        var dialog = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireCancel(dialog);
        assertThat(dsl.fetchCount(VIDEOS)).isEqualTo(2);

        _click(view.deleteSelected);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(drop))).isFalse();
        assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(keep))).isTrue();
        assertThat(titles()).containsExactly("Keep me");
    }

    @Test
    void a_viewer_sees_no_delete_button_and_the_service_refuses_anyway() {
        var id = video(organization, "Precious", "ready", 100, null, 1);
        open(Role.VIEWER);
        var view = view();

        assertThat(view.deleteSelected.isVisible()).isFalse();
        assertThat(view.uploadArea.isVisible()).isFalse();
        assertThat(grid().getSelectionModel()).isInstanceOf(com.vaadin.flow.component.grid.GridNoneSelectionModel.class);
        var viewer = callers.current().orElseThrow();
        assertThatThrownBy(() -> videoService.delete(viewer, List.of(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchExists(VIDEOS, VIDEOS.VIDEO_ID.eq(id))).isTrue();
    }

    @Test
    void the_upload_area_offers_the_organizations_limit_and_a_finished_upload_appears_at_once() {
        open(Role.OWNER);
        var area = _get(UploadArea.class);
        assertThat(area.maxSize()).isEqualTo(50L * 1024 * 1024 * 1024);
        assertThat(titles()).isEmpty();

        video(organization, "Just uploaded", "processing", 0, null, 0);
        area.uploadFinished("Just uploaded.mp4");

        assertThat(titles()).containsExactly("Just uploaded");
        assertThat(badge(0)).isEqualTo("Processing");
    }

    @Test
    void progress_published_by_a_worker_updates_the_row_without_a_reload() {
        var id = video(organization, "Transcoding", "processing", 10, null, 0);
        open(Role.OWNER);
        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 64).where(VIDEOS.VIDEO_ID.eq(id)).execute();

        statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.PROCESSING, 64));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return badge(0).equals("Processing 64%");
        });
    }

    @Test
    void a_member_removed_while_the_list_is_open_gets_no_more_live_updates() {
        var id = video(organization, "Transcoding", "processing", 10, null, 0);
        open(Role.VIEWER);
        assertThat(titles()).containsExactly("Transcoding");

        var restore = TestData.removeMembership(dsl, "viewer@example.com");
        try {
            video(organization, "Made after the removal", "processing", 0, null, 0);
            statusPublisher.publish(new VideoStatusMessage(organization, id, VideoStatus.PROCESSING, 64));

            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
                MockVaadin.clientRoundtrip(false);
                return titles().isEmpty();
            });
            assertThat(view().tabs.getSelectedTab().getLabel()).isEqualTo("All");
        } finally {
            restore.run();
        }
    }
}
