package io.vidcastx.distribution;

import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The YouTube settings page and the publish dialog in real Chromium (screenshots in target/screenshots). */
class YouTubeBrowserTest extends AppTestSupport {

    @LocalServerPort
    int port;

    @Test
    void theIntegrationPageAndThePublishDialogRender() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        var video = TestData.readyVideo(dsl, ownersOrganization(), "Launch day");
        dsl.insertInto(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, ownersOrganization())
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme Films on YouTube")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:unused").execute();
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            var result = NodeScripts.run("browser-youtube.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                    OWNER_PASSWORD, video.toString(), shots.toAbsolutePath().toString()), 180);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("Acme Films on YouTube").contains("Privacy").contains("Made for kids")
                    .contains("\"errors\":[]");
        } finally {
            dsl.deleteFrom(YOUTUBE_CONNECTIONS).execute();
        }
    }
}
