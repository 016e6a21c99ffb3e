package io.vidcastx.core.captions;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.testing.CoreTestApplication;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** Transcript rows and their files on the embedded PostgreSQL and S3. */
@SpringBootTest(classes = CoreTestApplication.class)
class TranscriptStoreTest {

    private static final List<Cue> CUES = List.of(new Cue(0, 1_000, "Hello"));

    @Autowired
    TranscriptStore store;
    @Autowired
    StorageService storage;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate transactions;

    private OrganizationId organization;
    private VideoId video;

    @BeforeEach
    void readyVideo() {
        organization = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization)
                .set(ORGANIZATIONS.NAME, "Captions").set(ORGANIZATIONS.SLUG, "captions-" + organization).execute();
        video = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, video).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Talk").set(VIDEOS.STATUS, "ready").set(VIDEOS.DURATION_SECONDS, 10.0)
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", "")).execute();
        storage.uploadFile(StorageKeys.hlsMaster(video), ("#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n360p/index.m3u8\n")
                .getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");
    }

    private String master() throws Exception {
        try (InputStream in = storage.getFileStream(StorageKeys.hlsMaster(video))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The AI worker commits English while a person uploads French. The upload publishes first and
     * commits late; the worker's publish must wait for it, or it rebuilds the master from its own
     * view (English only) and drops French.
     */
    @Test
    void publishes_of_one_video_side_by_side_keep_every_language_in_the_master_playlist() throws Exception {
        var englishStored = new CountDownLatch(1);
        var frenchPublished = new CountDownLatch(1);
        var englishPublished = new AtomicBoolean();
        var upload = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            await(englishStored);
            store.publish(store.replace(organization, video, "fr", "uploaded fr.vtt", "upload", CUES, 0));
            frenchPublished.countDown();
            // French stays uncommitted until the worker's publish is either waiting for it (the lock works)
            // or already done without waiting (it does not, and the assertion below catches it).
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> englishPublished.get() || publishesWaitingForTheVideoLock() > 0);
        }));
        transactions.executeWithoutResult(status -> {
            var english = store.replace(organization, video, "en", "whisper", "whisper", CUES, 0);
            englishStored.countDown();
            await(frenchPublished);
            store.publish(english);
            englishPublished.set(true);
        });
        upload.get(10, TimeUnit.SECONDS);

        assertThat(master()).contains("LANGUAGE=\"en\"", "LANGUAGE=\"fr\"");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sessions blocked on an advisory lock: the worker's publish queued behind the upload's. */
    private int publishesWaitingForTheVideoLock() {
        return dsl.fetchCount(dsl.select().from("pg_locks").where("locktype = 'advisory' and not granted"));
    }
}
