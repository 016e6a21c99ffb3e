package io.vidcastx.workers.publisher;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.google.api.client.auth.oauth2.TokenResponse;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.PublishJobData;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.ByteRange;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.youtube.DistributionStatus;
import io.vidcastx.core.youtube.Distributions;
import io.vidcastx.core.youtube.PublishRequest;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publisher worker on the embedded servers: a {@code publish} job streams a 30 MB object from
 * storage to a local server speaking YouTube's upload and Data API, sends captions and thumbnail,
 * waits for processing and records the published event.
 */
@SpringBootTest(classes = PublisherWorkerApplication.class)
class PublisherWorkerTest {

    private static final int SIZE = 30 * 1024 * 1024 + 777;

    @Autowired
    DSLContext dsl;
    @Autowired
    JobQueue queue;
    @Autowired
    StorageService storage;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Distributions distributions;
    @Autowired
    YouTubeConnections connections;
    @Autowired
    YouTubeGoogle google;

    ResumableUploadStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ResumableUploadStub();
        google.pointAt(new YouTubeGoogle.Endpoints("id", "secret", URI.create(stub.root() + "auth"),
                URI.create(stub.root() + "token"), URI.create(stub.root())));
    }

    @AfterEach
    void stop() throws Exception {
        google.reset();
        stub.close();
    }

    record Fixture(OrganizationId organization, VideoId video, String sha256, String thumbnailKey, byte[] thumbnail) {
    }

    @Test
    void aQueuedDistributionIsUploadedWithCaptionsAndThumbnailAndPublished() throws Exception {
        var fixture = fixture();
        var organization = fixture.organization();
        var video = fixture.video();
        var sha256 = fixture.sha256();
        var thumbnailKey = fixture.thumbnailKey();
        var thumbnail = fixture.thumbnail();

        var distribution = transactions.execute(tx -> {
            var queued = distributions.queue(organization, video, Distributions.YOUTUBE, "UC1",
                    new PublishRequest("Launch", "Our launch", List.of("launch"), "22", "private", null, false,
                            List.of("en"), thumbnailKey), null);
            distributions.attachJob(queued.id(), queue.enqueue(Queues.PUBLISH, new PublishJobData(queued.id())));
            return queued;
        });

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                distributions.findForJob(distribution.id()).orElseThrow().status() == DistributionStatus.PUBLISHED);

        var published = distributions.findForJob(distribution.id()).orElseThrow();
        assertThat(published.externalId()).isEqualTo("dQw4w9WgXcQ");
        assertThat(published.url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(published.progress()).isEqualTo(100);
        assertThat(published.uploadSessionUrl()).contains("upload_id=S1");
        assertThat(stub.received()).isEqualTo(SIZE);
        assertThat(stub.sha256()).isEqualTo(sha256);
        assertThat(stub.chunkRequests()).isEqualTo(4); // 8 MiB chunks
        assertThat(stub.requests.getFirst()).contains("part=snippet,status");
        assertThat(stub.captions).singleElement().asString().contains("\"language\":\"en\"").contains("WEBVTT");
        assertThat(stub.thumbnails).singleElement().isEqualTo(thumbnail);
        assertThat(dsl.fetchCount(EVENTS, EVENTS.ORGANIZATION_ID.eq(organization),
                EVENTS.TYPE.eq("video.asset.distribution.published"))).isOne();
    }

    @Test
    void aJobWhoseWorkerDiedMidUploadResumesThePersistedSession() throws Exception {
        var fixture = fixture();
        var distribution = transactions.execute(tx -> distributions.queue(fixture.organization(), fixture.video(),
                Distributions.YOUTUBE, "UC1", new PublishRequest("Launch", "", List.of(), "22", "unlisted", null, false,
                        List.of(), null), null));
        // The first worker opened and stored the session, sent 16 MiB, and died.
        var first = new ResumableUpload(new PublisherProperties(1, 8 * 1024 * 1024, 1, Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofSeconds(1)));
        String session = first.open(URI.create(stub.root()), "ya29.test", "{}", SIZE, "video/mp4");
        distributions.sessionOpened(distribution, session, SIZE);
        String key = StorageKeys.mp4Folder(fixture.video()) + "highest.mp4";
        try {
            first.upload(session, "ya29.test", new ByteSource() {
                @Override
                public long length() {
                    return SIZE;
                }

                @Override
                public InputStream openAt(long offset) {
                    return offset == 0 ? storage.getFileStream(key) : storage.getFileStream(key, ByteRange.from(offset));
                }
            }, bytes -> bytes < 16L * 1024 * 1024, () -> false);
        } catch (ResumableUpload.Stopped expected) {
            // killed
        }
        assertThat(stub.received()).isEqualTo(16L * 1024 * 1024);
        int before = stub.requests.size();

        transactions.executeWithoutResult(tx -> distributions.attachJob(distribution.id(),
                queue.enqueue(Queues.PUBLISH, new PublishJobData(distribution.id()))));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                distributions.findForJob(distribution.id()).orElseThrow().status() == DistributionStatus.PUBLISHED);
        assertThat(stub.sha256()).isEqualTo(fixture.sha256());
        var after = stub.requests.subList(before, stub.requests.size());
        assertThat(after).noneMatch(line -> line.startsWith("POST /upload/youtube/v3/videos"));
        assertThat(after.getFirst()).contains("bytes */" + SIZE);
        assertThat(after.get(1)).contains("bytes " + 16L * 1024 * 1024 + "-");
    }

    private Fixture fixture() throws Exception {
        var organization = new OrganizationId(java.util.UUID.randomUUID());
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Acme")
                .set(ORGANIZATIONS.SLUG, "acme-" + organization.value().toString().substring(0, 8)).execute();
        var video = VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, video).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Launch").set(VIDEOS.STATUS, "ready")
                .set(VIDEOS.PLAYBACK_ID, "pb" + video.value().toString().replace("-", "")).execute();
        // The worker only streams bytes: random bytes stand in for the MP4, generated as they are stored.
        var digest = MessageDigest.getInstance("SHA-256");
        try (InputStream bytes = new DigestInputStream(randomBytes(SIZE), digest)) {
            storage.uploadFile(StorageKeys.mp4Folder(video) + "highest.mp4", bytes, SIZE, "video/mp4");
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        storage.uploadFile(StorageKeys.captions(video, "en"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"
                .getBytes(StandardCharsets.UTF_8), "text/vtt");
        byte[] thumbnail = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01, 0x02, (byte) 0xFF, (byte) 0xD9};
        String thumbnailKey = StorageKeys.thumbnailsFolder(video) + "youtube.jpg";
        storage.uploadFile(thumbnailKey, thumbnail, "image/jpeg");
        connections.save(organization, null, "UC1", "Acme", null, new TokenResponse().setAccessToken("ya29.test")
                .setRefreshToken("1//refresh").setExpiresInSeconds(3600L));
        return new Fixture(organization, video, sha256, thumbnailKey, thumbnail);
    }

    /** Deterministic pseudo-random bytes, made as they are read: nothing of the 30 MB is held. */
    private static InputStream randomBytes(long size) {
        var random = new Random(7);
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? random.nextInt(256) : -1;
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, buffer, off, n);
                left -= n;
                return n;
            }
        };
    }
}
