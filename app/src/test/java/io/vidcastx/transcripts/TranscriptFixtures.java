package io.vidcastx.transcripts;

import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;

/** Ready videos with an HLS master in storage and a transcript, as the AI worker leaves them. */
public final class TranscriptFixtures {

    public static final long OFFSET = 126_000;

    private final DSLContext dsl;
    private final StorageService storage;
    private final TranscriptStore store;
    private final List<VideoId> created = new java.util.ArrayList<>();

    public TranscriptFixtures(DSLContext dsl, StorageService storage, TranscriptStore store) {
        this.dsl = dsl;
        this.storage = storage;
        this.store = store;
    }

    public VideoId readyVideo(OrganizationId organization, String title, String playbackId, String policy) {
        var id = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization).set(VIDEOS.TITLE, title)
                .set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId).set(VIDEOS.PLAYBACK_POLICY, policy)
                .set(VIDEOS.SOURCE_KEY, StorageKeys.rawSource(id)).set(VIDEOS.DURATION_SECONDS, 20.0)
                .set(VIDEOS.HAS_AUDIO, true).set(VIDEOS.WIDTH, 640).set(VIDEOS.HEIGHT, 360).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "360p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 640).set(RENDITIONS.HEIGHT, 360)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
        storage.uploadFile(StorageKeys.hlsMaster(id), ("#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n360p/index.m3u8\n")
                .getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");
        created.add(id);
        return id;
    }

    /**
     * Removes the videos made here (rows cascade to transcripts; files go too): other tests that list
     * every video of the organization, in a real browser, must not meet them.
     */
    public void deleteCreated() {
        for (var id : created) {
            dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).execute();
            storage.deleteFolder(StorageKeys.hlsFolder(id));
            storage.deleteFolder(StorageKeys.captionsFolder(id));
        }
        created.clear();
    }

    public VideoId readyVideo(OrganizationId organization, String title) {
        return readyVideo(organization, title, UUID.randomUUID().toString().replace("-", ""), "public");
    }

    /** A transcript as the AI worker stores and publishes it. */
    public StoredTranscript transcript(OrganizationId organization, VideoId video, String language, List<Cue> cues) {
        var stored = store.replace(organization, video, language, "ggml-base.en.bin (whisper base, English only)",
                "whisper", cues, OFFSET);
        store.publish(stored);
        return stored;
    }

    public String text(String key) {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
