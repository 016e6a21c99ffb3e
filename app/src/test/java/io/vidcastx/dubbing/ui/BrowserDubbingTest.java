package io.vidcastx.dubbing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.HlsAudio;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.RealHls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * In Chromium, over the running app: the player's audio menu on the embed and on the video page
 * (keyboard, hls.js switching to the dub while playing) and the dubbing panel's preview, with
 * axe-core's WCAG 2.1 AA rules on both pages.
 */
class BrowserDubbingTest extends AppTestSupport {

    private static final String FOLDER = "dub5e7a11c0";

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    AudioTrackStore tracks;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    @Test
    void the_audio_menu_switches_to_the_dub_by_keyboard_and_the_panel_previews_it() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        var organization = ownersOrganization();
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        RealHls.storeReady(dsl, runner, ffmpeg, storage, organization, id, playbackId, "Dubbed in the browser", dir);
        storeDub(id);
        var track = tracks.request(organization, id, "es", "Español", DubbingProvider.LOCAL, null, false);
        transactions.executeWithoutResult(status -> tracks.ready(track, FOLDER, JobId.random()));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        var result = NodeScripts.run("browser-dubbing.cjs", List.of("http://localhost:" + port, OWNER_EMAIL, OWNER_PASSWORD,
                playbackId, id.toString(), shots.toString()), 180);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        var embed = report.get("embed");
        assertThat(embed.get("options").values()).extracting(o -> o.get("text").asString())
                .containsExactly("Original", "Español");
        assertThat(embed.get("options").get(1).get("lang").asString()).isEqualTo("es");
        assertThat(embed.get("focusedAfterTabs").asInt()).as("reached with Tab").isGreaterThanOrEqualTo(0);
        var after = embed.get("after");
        assertThat(after.get("audioTrack").asInt()).isEqualTo(1);
        assertThat(after.get("lang").asString()).isEqualTo("es");
        assertThat(after.get("menu").asString()).isEqualTo("1");
        assertThat(after.get("currentTime").asDouble()).isGreaterThan(embed.get("switchedAt").asDouble() + 1);
        assertThat(embed.get("errors").values()).isEmpty();
        assertThat(embed.get("axe").values()).as("axe-core violations on the embed").isEmpty();
        var page = report.get("page");
        assertThat(page.get("menu").values()).extracting(o -> o.asString()).containsExactly("Original", "Español");
        assertThat(page.get("preview").get("src").asString()).isEqualTo("stream/" + playbackId + "/" + FOLDER + "/audio.m4a");
        assertThat(page.get("preview").get("currentTime").asDouble()).isGreaterThan(0.5);
        assertThat(page.get("errors").values()).isEmpty();
        assertThat(page.get("axe").values()).as("axe-core violations on the video page: " + page.get("contrast")).isEmpty();
    }

    /** A 6-second AAC rendition cut in 2-second segments like the video's, and its M4A, as a dub leaves them. */
    private void storeDub(VideoId id) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(FOLDER));
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=880:duration=6", "-c:a", "aac", "-ar", "48000", "-ac", "2", "-f", "hls", "-hls_time", "2",
                "-hls_playlist_type", "vod", "-hls_segment_filename", folder.resolve("segment_%03d.ts").toString(),
                folder.resolve("index.m3u8").toString()), dir, Duration.ofMinutes(1), null, () -> false);
        runner.run(ffmpeg.ffmpeg(), List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=880:duration=6", "-c:a", "aac", folder.resolve(HlsAudio.DOWNLOAD).toString()), dir,
                Duration.ofMinutes(1), null, () -> false);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                storage.uploadFile(StorageKeys.hlsFile(id, FOLDER + "/" + file.getFileName()), file, null);
            }
        }
    }
}
