package io.vidcastx.workers.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vidcastx.workers.live.rtmp.Amf0Writer;
import io.vidcastx.workers.live.rtmp.MessageTypes;
import io.vidcastx.workers.live.rtmp.RtmpMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken peers, each refused on its own, while a real publisher streams on the same node
 * the whole time; the last test checks that stream came through whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRtmpTest {

    private static final String KEY = "sk-good-neighbour-42";

    @TempDir
    static Path dir;

    static LiveTestNode live;
    static Publisher good;

    @BeforeAll
    static void startAGoodStream() {
        live = new LiveTestNode(dir.resolve("sessions"));
        live.streamIdsByKey.put(KEY, "stream-good");
        good = live.publish(KEY, 16, dir.resolve("good.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !live.connected.isEmpty());
    }

    @AfterAll
    static void stopNode() {
        good.close();
        live.close();
    }

    @Test
    @Order(1)
    void garbage_instead_of_a_handshake_is_refused_at_once() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            byte[] garbage = new byte[4096];
            new Random(1).nextBytes(garbage);
            garbage[0] = 0x47;
            client.raw(garbage);
            assertThat(client.closedByServerWithin(Duration.ofSeconds(1))).isTrue();
        }
    }

    @Test
    @Order(2)
    void garbage_after_a_good_handshake_is_refused() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.handshake();
            byte[] garbage = new byte[64 * 1024];
            new Random(2).nextBytes(garbage);
            try {
                client.raw(garbage);
            } catch (IOException e) {
                // the server may close while we are still writing: that is the point
            }
            assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    @Order(3)
    void a_truncated_handshake_is_dropped_at_the_handshake_timeout() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.raw(new byte[] {3});
            client.raw(new byte[700]);
            assertThat(client.closedByServerWithin(Duration.ofSeconds(4))).isTrue();
        }
    }

    @Test
    @Order(4)
    void a_handshake_trickling_in_a_byte_at_a_time_is_dropped_however_steady_it_is() throws Exception {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            var sent = new AtomicInteger();
            client.raw(new byte[] {3});
            // the slow peer: one more byte of C1 every second, each well inside the 3 s idle timeout
            var trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    client.raw(new byte[] {0});
                    sent.incrementAndGet();
                } catch (IOException e) {
                    trickle.shutdown();
                }
            }, 0, 1, TimeUnit.SECONDS);
            long start = System.nanoTime();
            assertThat(client.closedByServerWithin(Duration.ofSeconds(4))).isTrue();
            // every byte arrived well inside the 3 s idle timeout: the handshake deadline (2 s) did it
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
            trickle.shutdownNow();
            assertThat(sent.get()).isLessThan(1536);
        }
    }

    @Test
    @Order(5)
    void a_chunk_size_of_zero_is_refused() throws IOException {
        assertRefusedAfterHandshake(setChunkSize(0));
    }

    @Test
    @Order(6)
    void a_huge_chunk_size_is_refused() throws IOException {
        assertRefusedAfterHandshake(setChunkSize(0x7FFFFFFF));
    }

    @Test
    @Order(7)
    void an_absurd_message_length_is_refused_before_any_of_it_arrives() throws IOException {
        // a type 0 header on chunk stream 4: timestamp 0, length 0xFFFFFF, video, message stream 1 - and no payload
        assertRefusedAfterHandshake(new byte[] {4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 9, 1, 0, 0, 0});
    }

    @Test
    @Order(8)
    void a_large_message_before_any_publish_is_refused() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.connectTo("app");
            // a well-formed FCPublish (which the server otherwise ignores) of 100 KB: fine for a published
            // stream's key frame, too much for a connection that has not shown a valid key
            byte[] command = Amf0Writer.encode("FCPublish", 4.0, null, "k".repeat(100 * 1024));
            try {
                client.send(3, new RtmpMessage(MessageTypes.COMMAND_AMF0, 0, 0, command));
            } catch (IOException e) {
                // refused from the header alone, while we were still writing the payload
            }
            assertThat(client.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    @Order(9)
    void a_wrong_key_gets_bad_name_and_the_connection_is_closed() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.connectTo("app");
            assertThat(client.publish("not-a-key-we-know")).isEqualTo("NetStream.Publish.BadName");
            assertThat(client.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    @Order(10)
    void a_connection_that_never_publishes_is_closed_at_the_publish_timeout() throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.connectTo("app");
            assertThat(client.closedByServerWithin(Duration.ofSeconds(6))).isTrue();
        }
    }

    @Test
    @Order(11)
    void a_publisher_that_goes_silent_is_dropped_at_the_idle_timeout() throws IOException {
        live.streamIdsByKey.put("sk-silent-9", "stream-silent");
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.connectTo("app");
            assertThat(client.publish("sk-silent-9")).isEqualTo("NetStream.Publish.Start");
            assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-silent")));
        SessionEnd end = live.endOf("stream-silent");
        assertThat(end.reason()).isEqualTo("nothing received for 3000 ms");
        assertThat(end.mediaStarted()).isFalse();
    }

    @Test
    @Order(12)
    void connections_beyond_the_node_limit_are_closed_at_once() throws IOException {
        var clients = new ArrayList<RtmpTestClient>();
        try {
            for (int i = 0; i < 40; i++) {
                clients.add(new RtmpTestClient(live.node.rtmpPort()));
            }
            long closed;
            // all checked at once: the accepted ones would otherwise reach the handshake timeout meanwhile
            try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
                var answers = clients.stream()
                        .map(client -> checks.submit(() -> client.closedByServerWithin(Duration.ofMillis(500))))
                        .toList();
                closed = answers.stream().filter(answer -> {
                    try {
                        return answer.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).count();
            }
            // 32 allowed, one of them the good publisher
            assertThat(closed).isEqualTo(40 - 31);
        } finally {
            for (var client : clients) {
                client.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> live.node.connectionCount() == 1);
    }

    @Test
    @Order(100)
    void the_good_stream_alongside_came_through_whole() throws Exception {
        assertThat(good.awaitExit(30)).as(good.log()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> live.disconnected.stream()
                .anyMatch(entry -> entry.getKey().streamId().equals("stream-good")));
        SessionEnd end = live.endOf("stream-good");
        assertThat(end.reason()).isEqualTo("the publisher unpublished");
        assertThat(end.ffmpegExitCode()).isZero();
        String playlist = Files.readString(live.sessionOf("stream-good").directory().resolve("source/index.m3u8"));
        assertThat(playlist).contains("#EXT-X-ENDLIST").doesNotContain("DISCONTINUITY");
        Matcher sequence = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)").matcher(playlist);
        assertThat(sequence.find()).isTrue();
        // 16 s in 2 s segments with a window of 2: at least 5 segments slid out
        assertThat(Integer.parseInt(sequence.group(1))).isGreaterThanOrEqualTo(5);
    }

    private static void assertRefusedAfterHandshake(byte[] bytes) throws IOException {
        try (var client = new RtmpTestClient(live.node.rtmpPort())) {
            client.handshake();
            client.raw(bytes);
            assertThat(client.closedByServerWithin(Duration.ofSeconds(1))).isTrue();
        }
    }

    /** Set Chunk Size on chunk stream 2, message stream 0. */
    private static byte[] setChunkSize(long size) {
        return new byte[] {2, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0,
                (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
    }
}
