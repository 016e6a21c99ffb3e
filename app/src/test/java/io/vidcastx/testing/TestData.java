package io.vidcastx.testing;

import static io.vidcastx.db.jooq.Tables.MEMBERSHIPS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;

/**
 * Rows for tests that need an organization or a video without going through the pipeline, and
 * membership changes made behind a dashboard session's back (as another admin would).
 */
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

    /** Takes {@code email}'s membership away; the returned action gives it back. */
    public static Runnable removeMembership(DSLContext dsl, String email) {
        var membership = dsl.selectFrom(MEMBERSHIPS).where(MEMBERSHIPS.USER_ID.eq(dsl.select(USERS.USER_ID).from(USERS)
                .where(USERS.EMAIL.eq(email)))).fetchSingle();
        membership.delete();
        return () -> {
            membership.changed(true);
            dsl.executeInsert(membership);
        };
    }

    /** Sets the role of {@code email}'s membership in {@code organization}; returns the role it had. */
    public static String setRole(DSLContext dsl, OrganizationId organization, String email, String role) {
        var userId = dsl.select(USERS.USER_ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchSingle().value1();
        var membership = MEMBERSHIPS.USER_ID.eq(userId).and(MEMBERSHIPS.ORGANIZATION_ID.eq(organization));
        String before = dsl.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS).where(membership).fetchSingle().value1();
        dsl.update(MEMBERSHIPS).set(MEMBERSHIPS.ROLE, role).where(membership).execute();
        return before;
    }
}
