package io.vidcastx.distribution;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.RealMp4;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The YouTube settings page and the publish dialog in real Chromium (screenshots in target/screenshots). */
class YouTubeBrowserTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @TempDir
    Path scratch;

    @Test
    void theIntegrationPageAndThePublishDialogRender() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        var video = TestData.readyVideo(dsl, ownersOrganization(), "Launch day");
        // a real picture, so the dialog's thumbnail choice and preview render as people see them
        dsl.update(VIDEOS).set(VIDEOS.WIDTH, 320).set(VIDEOS.HEIGHT, 180).set(VIDEOS.DURATION_SECONDS, RealMp4.SECONDS)
                .where(VIDEOS.VIDEO_ID.eq(video)).execute();
        RealMp4.store(runner, ffmpeg, storage, video, scratch);
        dsl.insertInto(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, ownersOrganization())
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme Films on YouTube")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:unused").execute();
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            var result = NodeScripts.run("browser-youtube.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                    OWNER_PASSWORD, video.toString(), shots.toAbsolutePath().toString()), 180);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("Acme Films on YouTube").contains("Privacy").contains("Made for kids")
                    .contains("Thumbnail").contains("\"dialogAxe\":[]")
                    .containsPattern("\"preview\":\\{\"src\":\"image/[^\"]+time=2[^\"]*\",\"width\":320");
            assertThat(result.stdout()).contains("\"errors\":[]");
        } finally {
            dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        }
    }
}
