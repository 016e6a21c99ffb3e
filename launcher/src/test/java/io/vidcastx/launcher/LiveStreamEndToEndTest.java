package io.vidcastx.launcher;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.OwnerSetup;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.workers.ai.AiWorkerConfiguration;
import io.vidcastx.workers.live.LiveIngestNode;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.streams.LiveWorkerConfiguration;
import io.vidcastx.workers.transcode.TranscodeWorkerConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live streaming as a user does it, on the whole stack in one JVM: a stream created with Mux's API, an
 * FFmpeg encoder publishing over RTMP, the live playlist served from storage and sliding, hls.js playing
 * it in an embed on another origin, and after the encoder is killed the stream going idle and its
 * recording becoming a ready video.
 */
@SpringBootTest(classes = {VidcastxApplication.class, TranscodeWorkerConfiguration.class, AiWorkerConfiguration.class,
        LiveWorkerConfiguration.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamEndToEndTest {

    private static final Pattern SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    DSLContext dsl;
    @Autowired
    LiveIngestNode node;
    @Autowired
    FfmpegBinaries binaries;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String authorization;

    @Test
    void an_encoder_goes_live_plays_in_an_embed_on_another_site_and_its_recording_becomes_a_ready_video() throws Exception {
        signIn();
        var created = api("POST", "/video/v1/live-streams", """
                {"playback_policy":["public"],"new_asset_settings":{"playback_policy":["public"]},"reconnect_window":2}""");
        String id = created.get("id").asString();
        String key = created.get("stream_key").asString();
        String playbackId = created.get("playback_ids").get(0).get("id").asString();
        String appBase = "http://localhost:" + port;

        Process encoder = publish(key, 90);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "active".equals(liveStatus(id)));
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/stream/" + playbackId + ".m3u8").statusCode() == 200);
            var master = get("/stream/" + playbackId + ".m3u8");
            assertThat(master.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            String variant = master.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).findFirst().orElseThrow();
            long first = sequence(get("/stream/" + variant).body());
            // the live playlist slides: older segments leave as new ones arrive
            await().atMost(Duration.ofSeconds(20)).until(() -> sequence(get("/stream/" + variant).body()) > first);
            String media = get("/stream/" + variant).body();
            String segment = media.lines().filter(line -> line.startsWith("segment_")).reduce((a, b) -> b).orElseThrow();
            var bytes = http.send(HttpRequest.newBuilder(URI.create(appBase + "/stream/"
                    + variant.substring(0, variant.lastIndexOf('/') + 1) + segment)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(bytes.body()[0]).isEqualTo((byte) 0x47); // an MPEG-TS sync byte
            assertThat(media).doesNotContain(key);
            // the ingest's health figures reach the session's record with the lease renewals
            await().atMost(Duration.ofSeconds(20)).until(() -> dsl.fetchValue(
                    "select frame_rate from live_sessions where live_stream_id = ?::uuid and status = 'connected'", id) != null);
            var health = dsl.fetchOne("select video_kbps, width, height, dropped_frames from live_sessions "
                    + "where live_stream_id = ?::uuid and status = 'connected'", id);
            assertThat(health.get("video_kbps", Integer.class)).isPositive();
            assertThat(health.get("height", Integer.class)).isPositive();
            assertThat(health.get("dropped_frames", Long.class)).isNotNull();

            playsInAnEmbedOnAnotherSite(appBase, playbackId);
            theDashboardShowsItLiveAndPreviewsIt(appBase, id);
        } finally {
            encoder.destroyForcibly();
        }

        // killed: disconnected, then idle once the 2 s window has passed, with the recording as an asset
        await().atMost(Duration.ofSeconds(30)).until(() -> "idle".equals(liveStatus(id)));
        var idle = api("GET", "/video/v1/live-streams/" + id, null);
        var events = dsl.select(EVENTS.TYPE).from(EVENTS).where(EVENTS.OBJECT_ID.eq(id)).fetch(EVENTS.TYPE);
        assertThat(events).contains("video.live_stream.created", "video.live_stream.connected", "video.live_stream.recording",
                "video.live_stream.active", "video.live_stream.disconnected", "video.live_stream.idle");
        assertThat(idle.get("recent_asset_ids")).hasSize(1);
        String assetId = idle.get("recent_asset_ids").get(0).asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "ready".equals(
                dsl.fetchValue("select status from videos where video_id = ?::uuid", assetId)));
        var asset = api("GET", "/video/v1/assets/" + assetId, null);
        assertThat(asset.get("duration").asDouble()).isGreaterThan(3.0);
        assertThat(get("/stream/" + asset.get("playback_ids").get(0).get("id").asString() + ".m3u8").statusCode()).isEqualTo(200);
        // the live playlist stops being served once the stream is idle
        assertThat(get("/stream/" + playbackId + ".m3u8").statusCode()).isEqualTo(404);
    }

    /**
     * Waits read the row, not the API: the tests' API budget is 40 requests a minute per key, and a poll
     * every 100 ms spends it in seconds. The API is asked once the row says the state is reached.
     */
    private String liveStatus(String id) {
        return (String) dsl.fetchValue("select status from live_streams where live_stream_id = ?::uuid", id);
    }

    /** The app's cross-origin embed script: hls.js in Chromium, in an iframe on another origin, must advance. */
    private void playsInAnEmbedOnAnotherSite(String appBase, String playbackId) throws Exception {
        Path site = Files.writeString(dir.resolve("live.html"), "<iframe src=\"" + appBase + "/embed/" + playbackId
                + "\" style=\"width:640px;height:360px;border:0\" allow=\"autoplay; fullscreen\" allowfullscreen></iframe>");
        var report = node("browser-embed-cross-origin.cjs", appBase,
                Files.createDirectories(Path.of("target", "screenshots")).toString(), "live=" + site);
        var page = report.get("pages").get("live");
        assertThat(report.get("site").asString()).doesNotStartWith(appBase);
        assertThat(page.get("frameOrigin").asString()).isEqualTo(appBase);
        assertThat(page.get("currentTime").asDouble()).isGreaterThan(1.0);
    }

    /** The Live list and the stream's page in Chromium: live state, masked key, the preview playing. */
    private void theDashboardShowsItLiveAndPreviewsIt(String appBase, String id) throws Exception {
        var report = node("browser-live-dashboard.cjs", appBase, "e2e@example.com", "correct horse battery staple", id,
                Files.createDirectories(Path.of("target", "screenshots")).toString());
        assertThat(report.get("listText").asString()).contains("Live").contains(id);
        assertThat(report.get("keyType").asString()).isEqualTo("password");
        assertThat(report.get("previewTime").asDouble()).isGreaterThan(1.0);
        assertThat(report.get("errors")).isEmpty();
    }

    private JsonNode node(String script, String... args) throws Exception {
        Path modules = Path.of("..", "frontend", "node_modules").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isDirectory(modules.resolve("playwright-core")),
                "Chromium (apt-get install chromium) and frontend/node_modules are needed for the browser part");
        var command = new java.util.ArrayList<>(List.of("node",
                Path.of("..", "app", "src", "test", "node", script).toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(script + ".out");
        Path err = dir.resolve(script + ".err");
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("NODE_PATH", modules.toString());
        Process browser = builder.start();
        assertThat(browser.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.exitValue()).as(Files.readString(err)).isZero();
        return json.readTree(Files.readString(out));
    }

    private Process publish(String key, int seconds) throws Exception {
        var args = List.of("-nostdin", "-hide_banner", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "50", "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + key);
        return new FfmpegLauncher(binaries::ffmpeg).builder(args).redirectErrorStream(true)
                .redirectOutput(dir.resolve("encoder.log").toFile()).start();
    }

    private static long sequence(String playlist) {
        var matcher = SEQUENCE.matcher(playlist);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private void signIn() {
        var organization = accounts.isSetUp() ? null
                : accounts.setUp(new OwnerSetup("E2E", "Eve", "e2e@example.com", "correct horse battery staple"));
        var organizationId = organization != null ? organization.organizationId()
                : dsl.select(io.vidcastx.db.jooq.Tables.ORGANIZATIONS.ORGANIZATION_ID)
                        .from(io.vidcastx.db.jooq.Tables.ORGANIZATIONS).limit(1).fetchSingle().value1();
        var created = apiKeys.create(organizationId, "live-e2e");
        authorization = "Basic " + Base64.getEncoder().encodeToString((created.tokenId() + ":" + created.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body()).get("data");
    }
}
