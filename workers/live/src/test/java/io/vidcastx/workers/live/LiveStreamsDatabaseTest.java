package io.vidcastx.workers.live;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.LIVE_SESSIONS;
import static io.vidcastx.db.jooq.Tables.LIVE_STREAMS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.workers.live.streams.LiveWorkerApplication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The live worker on the embedded servers with real FFmpeg publishers: keys and limits checked against
 * PostgreSQL, Mux's events, the reconnect window continuing one session and recording, a dead node's
 * session ending, the joined recording handed to the transcode queue as the session's asset, and the
 * live minutes of each publisher connection.
 */
@SpringBootTest(classes = LiveWorkerApplication.class, properties = "vidcastx.live.streams.max-per-organization=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LiveStreamsDatabaseTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    LiveIngestNode node;
    @Autowired
    StorageService storage;
    @Autowired
    MediaProbe probe;

    private Path dir;

    @BeforeAll
    void setUp() throws Exception {
        dir = Files.createTempDirectory("live-db-test-");
    }

    private OrganizationId organization() {
        var id = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, id).set(ORGANIZATIONS.NAME, "Live Test")
                .set(ORGANIZATIONS.SLUG, "live-" + id).execute();
        return id;
    }

    private UUID stream(OrganizationId organization, String key, String status, int windowSeconds) {
        var id = UUID.randomUUID();
        dsl.insertInto(LIVE_STREAMS).set(LIVE_STREAMS.LIVE_STREAM_ID, id).set(LIVE_STREAMS.ORGANIZATION_ID, organization)
                .set(LIVE_STREAMS.STREAM_KEY_HASH, SecretTokens.sha256Hex(key))
                .set(LIVE_STREAMS.STREAM_KEY_CIPHERTEXT, "sealed elsewhere").set(LIVE_STREAMS.STATUS, status)
                .set(LIVE_STREAMS.RECORDING_POLICY, "public").set(LIVE_STREAMS.RECONNECT_WINDOW_SECONDS, windowSeconds)
                .execute();
        return id;
    }

    private Publisher publish(String key, int seconds) {
        return Publisher.start("rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + key, seconds,
                dir.resolve(UUID.randomUUID() + ".log"));
    }

    private List<String> events(UUID stream) {
        return dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.eq(stream.toString()))
                .orderBy(EVENTS.CREATED_AT, EVENTS.EVENT_ID).fetch(EVENTS.TYPE);
    }

    private String status(UUID stream) {
        return dsl.select(LIVE_STREAMS.STATUS).from(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(stream)).fetchSingle().value1();
    }

    /** Segments the live playlist of the stream's publishing connection on this node has listed so far. */
    private long segmentsListed(UUID stream) throws IOException {
        var session = node.activeSessions().stream().filter(s -> s.streamId().equals(stream.toString())).findFirst();
        if (session.isEmpty()) {
            return 0;
        }
        Path playlist = session.get().directory().resolve("source/index.m3u8");
        if (!Files.exists(playlist)) {
            return 0;
        }
        var lines = Files.readAllLines(playlist);
        long sequence = lines.stream().filter(line -> line.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .mapToLong(line -> Long.parseLong(line.substring(22).trim())).findFirst().orElse(0);
        return sequence + lines.stream().filter(line -> line.startsWith("#EXTINF:")).count();
    }

    private String refusal(UUID stream) {
        return dsl.select(LIVE_STREAMS.LAST_REFUSAL).from(LIVE_STREAMS).where(LIVE_STREAMS.LIVE_STREAM_ID.eq(stream)).fetchSingle().value1();
    }

    /** Live minutes recorded for the organization: source key -> minutes. */
    private java.util.Map<String, Double> liveMinutes(OrganizationId organization) {
        return dsl.select(USAGE_RECORDS.SOURCE_KEY, USAGE_RECORDS.QUANTITY).from(USAGE_RECORDS)
                .where(USAGE_RECORDS.ORGANIZATION_ID.eq(organization).and(USAGE_RECORDS.METRIC.eq("live_minutes")))
                .fetchMap(USAGE_RECORDS.SOURCE_KEY, USAGE_RECORDS.QUANTITY);
    }

    @Test
    void an_encoder_that_reconnects_within_the_window_continues_one_session_whose_joined_recording_is_queued_as_its_asset(
            CapturedOutput output) throws Exception {
        long startedNanos = System.nanoTime();
        var organization = organization();
        String key = SecretTokens.random(24);
        var stream = stream(organization, key, "idle", 3);

        try (var first = publish(key, 60)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> status(stream).equals("active"));
            assertThat(events(stream)).containsExactlyInAnyOrder("video.live_stream.connected", "video.live_stream.recording",
                    "video.live_stream.active");
            // a second encoder on the same key is refused while the first goes on
            try (var second = publish(key, 5)) {
                assertThat(second.awaitExit(20)).isNotZero();
            }
            assertThat(refusal(stream)).contains("already publishing");
            assertThat(first.alive()).isTrue();
            // some recording: the first connection's live playlist has listed two 2 s segments
            await().atMost(Duration.ofSeconds(20)).until(() -> segmentsListed(stream) >= 2);
            first.kill();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> events(stream).contains("video.live_stream.disconnected"));
        assertThat(status(stream)).isEqualTo("active"); // inside the window, the stream stays active

        try (var again = publish(key, 3)) {
            assertThat(again.awaitExit(30)).as(again.log()).isZero();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(stream).equals("idle"));
        assertThat(events(stream)).containsExactlyInAnyOrder("video.live_stream.connected", "video.live_stream.recording",
                "video.live_stream.active", "video.live_stream.disconnected", "video.live_stream.connected",
                "video.live_stream.disconnected", "video.live_stream.idle");

        var session = dsl.selectFrom(LIVE_SESSIONS).where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(stream)).fetchSingle();
        assertThat(session.getStatus()).isEqualTo("ended");
        assertThat(session.getRecordingParts()).isEqualTo(2);
        // Live minutes: one record per publisher connection, the reconnect window and the idle time not counted.
        var minutes = liveMinutes(organization);
        assertThat(minutes).hasSize(2).allSatisfy((sourceKey, value) -> {
            assertThat(sourceKey).startsWith("live:" + session.getLiveSessionId() + ":");
            assertThat(value).isGreaterThan(2.0 / 60);
        });
        double wallMinutes = (System.nanoTime() - startedNanos) / 60e9;
        assertThat(minutes.values().stream().mapToDouble(Double::doubleValue).sum()).isLessThan(wallMinutes - 3.0 / 60);
        var asset = dsl.selectFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(new io.vidcastx.db.ids.VideoId(session.getAssetId())))
                .fetchSingle();
        await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchExists(EVENTS,
                EVENTS.TYPE.eq("video.asset.live_stream_completed").and(EVENTS.OBJECT_ID.eq(asset.getVideoId().toString()))));
        var source = dsl.select(VIDEOS.SOURCE_KEY).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(asset.getVideoId())).fetchSingle().value1();
        assertThat(dsl.fetchExists(JOBS, JOBS.QUEUE.eq("video-processing")
                .and(JOBS.PAYLOAD.cast(String.class).contains(asset.getVideoId().toString())))).isTrue();
        // both connections' media are in the one recording: about 3 s before the kill and 3 s after
        Path joined = dir.resolve("joined.mp4");
        storage.downloadFile(source, joined);
        assertThat(probe.probe(joined).durationSeconds()).isGreaterThan(5.0);
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void unknown_and_disabled_keys_and_publishers_past_the_organizations_limit_are_refused_with_the_reason_kept()
            throws Exception {
        var organization = organization();
        try (var unknown = publish("no-such-key-" + UUID.randomUUID(), 5)) {
            assertThat(unknown.awaitExit(20)).isNotZero();
        }
        String disabledKey = SecretTokens.random(24);
        var disabled = stream(organization, disabledKey, "disabled", 60);
        try (var refused = publish(disabledKey, 5)) {
            assertThat(refused.awaitExit(20)).isNotZero();
        }
        assertThat(refusal(disabled)).isEqualTo("the live stream is disabled");
        assertThat(events(disabled)).isEmpty();

        // two streams of the organization are already live on other nodes (limit 2 in this test)
        for (int i = 0; i < 2; i++) {
            var busy = stream(organization, SecretTokens.random(24), "active", 60);
            dsl.insertInto(LIVE_SESSIONS).set(LIVE_SESSIONS.LIVE_SESSION_ID, UUID.randomUUID())
                    .set(LIVE_SESSIONS.LIVE_STREAM_ID, busy).set(LIVE_SESSIONS.ORGANIZATION_ID, organization)
                    .set(LIVE_SESSIONS.STATUS, "connected").set(LIVE_SESSIONS.NODE_ID, "other-node")
                    .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, OffsetDateTime.now().plusMinutes(5)).execute();
        }
        String thirdKey = SecretTokens.random(24);
        var third = stream(organization, thirdKey, "idle", 60);
        try (var refused = publish(thirdKey, 5)) {
            assertThat(refused.awaitExit(20)).isNotZero();
        }
        assertThat(refusal(third)).contains("limit 2");
        assertThat(status(third)).isEqualTo("idle");
    }

    @Test
    void a_stream_whose_ingest_node_died_goes_idle_after_its_lease_and_window_and_its_empty_asset_fails() {
        var organization = organization();
        var stream = stream(organization, SecretTokens.random(24), "active", 1);
        var asset = io.vidcastx.db.ids.VideoId.random();
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, asset).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Live").set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString()).execute();
        dsl.insertInto(LIVE_SESSIONS).set(LIVE_SESSIONS.LIVE_SESSION_ID, UUID.randomUUID())
                .set(LIVE_SESSIONS.LIVE_STREAM_ID, stream).set(LIVE_SESSIONS.ORGANIZATION_ID, organization)
                .set(LIVE_SESSIONS.STATUS, "connected").set(LIVE_SESSIONS.NODE_ID, "dead-node")
                .set(LIVE_SESSIONS.ASSET_ID, asset.value())
                .set(LIVE_SESSIONS.CONNECTED_AT, OffsetDateTime.now().minusMinutes(2))
                .set(LIVE_SESSIONS.LEASE_EXPIRES_AT, OffsetDateTime.now().plusSeconds(1)).execute();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(stream).equals("idle"));
        assertThat(events(stream)).containsExactlyInAnyOrder("video.live_stream.disconnected", "video.live_stream.idle");
        await().atMost(Duration.ofSeconds(5)).until(() -> dsl.select(VIDEOS.STATUS).from(VIDEOS)
                .where(VIDEOS.VIDEO_ID.eq(asset)).fetchSingle().value1().equals("failed"));
        // The dead node's publisher is metered up to the last lease it renewed: 2 minutes and 1 second.
        assertThat(liveMinutes(organization).values()).singleElement().satisfies(minutes ->
                assertThat(minutes).isCloseTo(121.0 / 60, org.assertj.core.data.Offset.offset(0.02)));
    }

    @Test
    void disabling_a_live_stream_cuts_its_encoder_off_and_ends_the_session_without_a_window() throws Exception {
        var organization = organization();
        String key = SecretTokens.random(24);
        var stream = stream(organization, key, "idle", 60);
        try (var encoder = publish(key, 60)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> status(stream).equals("active"));
            // health reaches the session's record with the lease renewals
            await().atMost(Duration.ofSeconds(20)).until(() -> dsl.select(LIVE_SESSIONS.FRAME_RATE).from(LIVE_SESSIONS)
                    .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(stream)).fetchSingle().value1() != null);
            var health = dsl.selectFrom(LIVE_SESSIONS).where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(stream)).fetchSingle();
            assertThat(health.getWidth()).isEqualTo(320);
            assertThat(health.getHeight()).isEqualTo(240);
            assertThat(health.getVideoKbps()).isPositive();

            dsl.update(LIVE_STREAMS).set(LIVE_STREAMS.STATUS, "disabled").where(LIVE_STREAMS.LIVE_STREAM_ID.eq(stream)).execute();
            assertThat(encoder.awaitExit(20)).isNotZero(); // cut off, long before its 60 s
        }
        // no 60 s window: the session ends at the next sweeps, the stream stays disabled
        await().atMost(Duration.ofSeconds(20)).until(() -> dsl.select(LIVE_SESSIONS.STATUS).from(LIVE_SESSIONS)
                .where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(stream)).fetchSingle().value1().equals("ended"));
        assertThat(status(stream)).isEqualTo("disabled");
        assertThat(events(stream)).contains("video.live_stream.disconnected", "video.live_stream.idle");
        var session = dsl.selectFrom(LIVE_SESSIONS).where(LIVE_SESSIONS.LIVE_STREAM_ID.eq(stream)).fetchSingle();
        assertThat(session.getRecordingParts()).isEqualTo(1); // what was broadcast is kept
    }
}
