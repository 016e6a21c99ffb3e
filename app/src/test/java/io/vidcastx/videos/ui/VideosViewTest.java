package io.vidcastx.videos.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.AppTestSupport;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.videos.VideoListItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class VideosViewTest extends AppTestSupport {

    @Autowired
    StatefulRedisConnection<String, String> redis;

    private OrganizationId organization;

    @BeforeEach
    void signIn() {
        signInAsOwner();
        organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS)
                .orderBy(ORGANIZATIONS.CREATED_AT).limit(1).fetchSingle().value1();
        dsl.deleteFrom(VIDEOS).execute();
        startUi();
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
        int size = GridKt._size(grid);
        return java.util.stream.IntStream.range(0, size).mapToObj(i -> GridKt._get(grid, i).title()).toList();
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

        UI.getCurrent().navigate("videos");

        assertThat(titles()).containsExactly("Newest", "Broken", "Older");
        var grid = grid();
        assertThat(GridKt._getFormatted(grid, 0, "duration")).isEqualTo("1:15");
        assertThat(GridKt._getCellComponent(grid, 0, "status").getElement().getText())
                .isEqualTo("Processing 42%");
        var failed = GridKt._getCellComponent(grid, 1, "status");
        assertThat(failed.getElement().getText()).isEqualTo("Failed");
        assertThat(failed.getElement().getAttribute("title")).contains("not a video");
    }

    @Test
    void the_upload_area_offers_the_organizations_limit_and_a_finished_upload_appears_at_once() {
        UI.getCurrent().navigate("videos");
        var area = _get(UploadArea.class);
        assertThat(area.maxSize()).isEqualTo(50L * 1024 * 1024 * 1024);
        assertThat(titles()).isEmpty();

        video(organization, "Just uploaded", "processing", 0, null, 0);
        area.uploadFinished("Just uploaded.mp4");

        assertThat(titles()).containsExactly("Just uploaded");
        assertThat(GridKt._getCellComponent(grid(), 0, "status").getElement().getText())
                .isEqualTo("Processing");
    }

    @Test
    void progress_published_by_a_worker_updates_the_row_without_a_reload() {
        var id = video(organization, "Transcoding", "processing", 10, null, 0);
        UI.getCurrent().navigate("videos");
        dsl.update(VIDEOS).set(VIDEOS.PROGRESS, 64).where(VIDEOS.VIDEO_ID.eq(id)).execute();

        redis.sync().publish("vidcastx:video-status", organization + " " + id + " processing 64");

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return GridKt._getCellComponent(grid(), 0, "status").getElement().getText()
                    .equals("Processing 64%");
        });
    }
}
