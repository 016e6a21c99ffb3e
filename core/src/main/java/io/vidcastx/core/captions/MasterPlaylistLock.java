package io.vidcastx.core.captions;

import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The one lock per video that every writer of its master playlist holds (captions and dubbed audio
 * alike, ADR 0011 and 0023): each rebuilds its group of the master from committed rows, so two of
 * them side by side would drop the other's lines.
 */
public final class MasterPlaylistLock {

    private MasterPlaylistLock() {
    }

    /**
     * Waits for other transactions writing this video's master to end and holds them off until this
     * one ends. An advisory lock, not a row lock on the video: inserting a transcript or audio track
     * already holds a key-share lock on the video row, so two writers upgrading it would deadlock.
     * The key keeps its historical "captions:" prefix so that running versions agree on it.
     */
    public static void hold(DSLContext dsl, VideoId videoId) {
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class,
                DSL.val("captions:" + videoId))).fetch();
    }
}
