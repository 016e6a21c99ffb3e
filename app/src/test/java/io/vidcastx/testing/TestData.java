package io.vidcastx.testing;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;

/** Rows for tests that need an organization or a video without going through the pipeline. */
public final class TestData {

    private TestData() {
    }

    public static OrganizationId organization(DSLContext dsl, String name) {
        var id = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, id).set(ORGANIZATIONS.NAME, name)
                .set(ORGANIZATIONS.SLUG, "org-" + id.value().toString().substring(0, 8)).execute();
        return id;
    }

    /** A ready video whose primary playback ID is {@code "pb" + the video id without dashes}. */
    public static VideoId readyVideo(DSLContext dsl, OrganizationId organization, String title) {
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization).set(VIDEOS.TITLE, title)
                .set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId(id)).set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        return id;
    }

    public static String playbackId(VideoId id) {
        return "pb" + id.value().toString().replace("-", "");
    }
}
