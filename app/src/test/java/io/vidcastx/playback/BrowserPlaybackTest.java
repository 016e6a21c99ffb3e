package io.vidcastx.playback;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.vidcastx.developers.SigningKeyService;
import io.vidcastx.AppTestSupport;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.RealHls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Chromium: the embed page plays real HLS with its captions, and every dashboard page renders without console
 * errors and passes axe-core's WCAG 2.1 AA rules.
 */
class BrowserPlaybackTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    JsonMapper json;
    @Autowired
    TranscriptStore transcripts;
    @Autowired
    MpegTsClock clock;
    @Autowired
    SigningKeyService signingKeys;
    @TempDir
    Path dir;

    @Test
    void the_embed_page_plays_and_every_dashboard_page_renders_cleanly() throws Exception {
        NodeScripts.assumeChromium();
        ensureOwner();
        var organization = dsl.select(ORGANIZATIONS.ORGANIZATION_ID).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT)
                .limit(1).fetchSingle().value1();
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        storeRealHls(id);
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Browser playback").set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.WIDTH, 640).set(VIDEOS.HEIGHT, 360).set(VIDEOS.ASPECT_RATIO, "16:9")
                .set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "360p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 640).set(RENDITIONS.HEIGHT, 360)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
        // Captions as the AI worker leaves them, on the clock of these very segments.
        var transcript = transcripts.replace(organization, id, "en", "test", "whisper", List.of(
                new Cue(0, 3_000, "First caption"), new Cue(3_000, 6_000, "Second caption")),
                clock.firstTimestamp(id, java.util.Optional.of(StorageKeys.hlsFile(id, "360p/index.m3u8")), dir));
        transcripts.publish(transcript);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        var result = NodeScripts.run("browser-pages.cjs", List.of("http://localhost:" + port, OWNER_EMAIL, OWNER_PASSWORD,
                playbackId, id.toString(), shots.toString()), 240);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("embed").get("currentTime").asDouble()).isGreaterThan(1.0);
        assertThat(report.get("embed").get("videoWidth").asInt()).isEqualTo(640);
        assertThat(report.get("embed").get("errors")).isEmpty();
        var track = report.get("embed").get("textTracks").get(0);
        assertThat(track.get("kind").asString()).isEqualTo("subtitles");
        assertThat(track.get("language").asString()).isEqualTo("en");
        assertThat(track.get("mode").asString()).isEqualTo("showing");
        var cues = track.get("cues");
        assertThat(cues.get(0).get("text").asString()).isEqualTo("First caption");
        // X-TIMESTAMP-MAP puts the cues on the video's own timeline: 0 s is the first frame, not 1.4 s off.
        assertThat(cues.get(0).get("start").asDouble()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(cues.get(1).get("start").asDouble()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(report.get("pages").properties()).hasSize(11);
        report.get("pages").properties().forEach(page ->
                assertThat(page.getValue().get("errors")).as("console errors on " + page.getKey()).isEmpty());
        // WCAG 2.1 AA by axe-core, on the embed and on every dashboard page.
        assertThat(report.get("embed").get("axe")).as("axe-core violations on the embed").isEmpty();
        report.get("pages").properties().forEach(page ->
                assertThat(page.getValue().get("axe")).as("axe-core violations on " + page.getKey()).isEmpty());
    }

    @Test
    void the_embed_snippet_of_the_video_page_plays_on_another_site_for_public_and_signed_ids() throws Exception {
        NodeScripts.assumeChromium();
        signInAsOwner();
        var organization = ownersOrganization();
        String publicId = readyVideoWithRealHls(organization, "public");
        String signedId = readyVideoWithRealHls(organization, "signed");
        var key = signingKeys.create(organization);
        long inTenMinutes = java.time.Instant.now().getEpochSecond() + 600;
        String token = PlaybackTest.jwt(key, signedId, "v", inTenMinutes);
        String thumbnailToken = PlaybackTest.jwt(key, signedId, "t", inTenMinutes);
        String appBase = "http://localhost:" + port;
        NodeScripts.Result result;
        try {
            // The snippet exactly as the video page shows it, with this server's address; a signed id adds its tokens.
            Path publicSite = Files.writeString(dir.resolve("public.html"), embedSnippet(publicId, appBase));
            Path signedSite = Files.writeString(dir.resolve("signed.html"), embedSnippet(signedId, appBase).replace(
                    "/embed/" + signedId + "\"", "/embed/" + signedId + "?token=" + token + "&amp;thumbnail-token="
                            + thumbnailToken + "\""));
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));

            result = NodeScripts.run("browser-embed-cross-origin.cjs", List.of(appBase, shots.toString(),
                    "public=" + publicSite, "signed=" + signedSite), 180);
        } finally {
            // The dashboard pages of the other test list this organization's videos: leave none behind.
            dsl.deleteFrom(RENDITIONS).where(RENDITIONS.VIDEO_ID.in(dsl.select(VIDEOS.VIDEO_ID).from(VIDEOS)
                    .where(VIDEOS.PLAYBACK_ID.in(publicId, signedId)))).execute();
            dsl.deleteFrom(VIDEOS).where(VIDEOS.PLAYBACK_ID.in(publicId, signedId)).execute();
        }

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("site").asString()).doesNotStartWith(appBase);
        for (String name : List.of("public", "signed")) {
            var page = report.get("pages").get(name);
            assertThat(page.get("frameOrigin").asString()).as(name).isEqualTo(appBase);
            assertThat(page.get("currentTime").asDouble()).as(name).isGreaterThan(1.0);
            assertThat(page.get("errors")).as("console errors (CSP violations included) on " + name).isEmpty();
        }
        assertThat(report.get("pages").get("signed").get("frameUrl").asString()).contains("?token=" + token);
        // The dashboard refuses to be framed by another site: Chromium shows its error page instead.
        assertThat(report.get("pages").get("dashboard").get("frameUrl").asString()).startsWith("chrome-error://");
    }

    /** The "Embed code" field of the video's page, pointed at this test server. */
    private String embedSnippet(String playbackId, String appBase) {
        var videoId = dsl.select(VIDEOS.VIDEO_ID).from(VIDEOS).where(VIDEOS.PLAYBACK_ID.eq(playbackId)).fetchSingle().value1();
        startUi();
        com.vaadin.flow.component.UI.getCurrent().navigate("videos/" + videoId);
        String snippet = com.github.mvysny.kaributesting.v10.LocatorJ._find(io.vidcastx.base.ui.CopyField.class).stream()
                .map(io.vidcastx.base.ui.CopyField::value).filter(value -> value.startsWith("<iframe"))
                .findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        return snippet.replaceFirst("src=\"[^\"]*/embed/", "src=\"" + appBase + "/embed/");
    }

    private String readyVideoWithRealHls(io.vidcastx.db.ids.OrganizationId organization, String policy) throws Exception {
        var id = VideoId.random();
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        storeRealHls(id);
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                .set(VIDEOS.TITLE, "Cross-origin embed").set(VIDEOS.STATUS, "ready").set(VIDEOS.PLAYBACK_ID, playbackId)
                .set(VIDEOS.PLAYBACK_POLICY, policy).set(VIDEOS.WIDTH, 640).set(VIDEOS.HEIGHT, 360)
                .set(VIDEOS.ASPECT_RATIO, "16:9").set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, organization).set(RENDITIONS.NAME, "360p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 640).set(RENDITIONS.HEIGHT, 360)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
        return playbackId;
    }

    private void storeRealHls(VideoId id) throws Exception {
        RealHls.store(runner, ffmpeg, storage, id, dir);
    }
}
