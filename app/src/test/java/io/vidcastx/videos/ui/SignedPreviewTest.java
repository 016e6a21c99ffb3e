package io.vidcastx.videos.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.RENDITIONS;
import static io.vidcastx.db.jooq.Tables.SIGNING_KEYS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.DashboardPlaybackTokens;
import io.vidcastx.developers.DeveloperKeysService;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.RealHls;
import io.vidcastx.videos.VideoListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed videos look and play in the dashboard like public ones, with the dashboard's own short-lived
 * tokens, while their public URLs still refuse anyone without a token.
 */
class SignedPreviewTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    DashboardPlaybackTokens dashboardTokens;
    @Autowired
    DeveloperKeysService developerKeys;
    @Autowired
    CallerResolver callers;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<VideoId> made = new ArrayList<>();
    private final List<OrganizationId> strangers = new ArrayList<>();
    private OrganizationId organization;

    @BeforeEach
    void owner() {
        signInAsOwner();
        organization = ownersOrganization();
    }

    @AfterEach
    void removeWhatWasMade() {
        // Other tests list this organization's videos: leave none behind.
        dsl.deleteFrom(RENDITIONS).where(RENDITIONS.VIDEO_ID.in(made)).execute();
        dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.in(made)).execute();
        dsl.deleteFrom(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.in(strangers)).execute();
    }

    @Test
    void the_list_shows_a_signed_video_with_a_token_that_the_public_image_endpoint_accepts() throws Exception {
        var video = readySignedVideo(organization, "Signed in the list");
        String playbackId = playbackId(video);

        String src = thumbnailInTheList(playbackId);

        assertThat(src).contains("&token=");
        var withToken = get(src);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(withToken.body()).isNotEmpty();
        // The public URL itself is as closed as before: no token, no picture.
        assertThat(get(src.replaceFirst("&token=.*$", "")).statusCode()).isEqualTo(403);
        assertThat(get(src.replaceFirst("&token=", "&token=x")).statusCode()).isEqualTo(403);
    }

    @Test
    void the_video_page_previews_a_signed_video_with_tokens_for_its_stream_and_poster() throws Exception {
        var video = readySignedVideo(organization, "Signed on its page");
        String playbackId = playbackId(video);
        startUi();
        UI.getCurrent().navigate("videos/" + video);

        var preview = _get(VideoPreview.class);

        assertThat(preview.src()).startsWith("stream/" + playbackId + ".m3u8?token=");
        var master = get(preview.src());
        assertThat(master.statusCode()).isEqualTo(200);
        // The token travels on into the renditions, so a player can fetch every segment.
        assertThat(new String(master.body())).contains("?token=");
        assertThat(get("stream/" + playbackId + ".m3u8").statusCode()).isEqualTo(403);
    }

    @Test
    void a_dashboard_token_minted_for_one_organization_is_useless_for_another_organizations_video() throws Exception {
        var ours = readySignedVideo(organization, "Ours");
        var stranger = OrganizationId.random();
        strangers.add(stranger);
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, stranger).set(ORGANIZATIONS.NAME, "Stranger")
                .set(ORGANIZATIONS.SLUG, "stranger-" + stranger).execute();
        var theirs = readySignedVideo(stranger, "Theirs");
        var ourMember = callers.signedIn();
        var theirMember = new Caller(stranger, UserId.random(), null, Role.OWNER);

        // Even a token our dashboard key signs for their very playback id is refused: the key is not theirs.
        String forTheirs = dashboardTokens.thumbnail(ourMember, playbackId(theirs));
        String forOurs = dashboardTokens.thumbnail(ourMember, playbackId(ours));

        assertThat(get(thumbnailUrl(theirs, forTheirs)).statusCode()).isEqualTo(403);
        assertThat(get(thumbnailUrl(theirs, forOurs)).statusCode()).isEqualTo(403);
        assertThat(get(thumbnailUrl(ours, forOurs)).statusCode()).isEqualTo(200);
        // Their own dashboard shows their picture: the refusal above is about the key, not the video.
        assertThat(get(thumbnailUrl(theirs, dashboardTokens.thumbnail(theirMember, playbackId(theirs)))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_dashboard_key_is_never_listed_revocable_or_stored_in_the_clear() throws Exception {
        var video = readySignedVideo(organization, "Key check");
        var owner = callers.signedIn();
        var own = developerKeys.createSigningKey(owner);
        String token = dashboardTokens.thumbnail(owner, playbackId(video));
        String dashboardKeyId = kid(token);

        assertThat(developerKeys.signingKeys(owner)).extracting(info -> info.id()).contains(own.id())
                .doesNotContain(dashboardKeyId);
        assertThatThrownBy(() -> developerKeys.revokeSigningKey(owner, dashboardKeyId))
                .isInstanceOf(IllegalArgumentException.class);
        startUi();
        UI.getCurrent().navigate("developers/api-keys");
        @SuppressWarnings("unchecked")
        Grid<io.vidcastx.developers.SigningKeyService.SigningKeyInfo> shown = (Grid<io.vidcastx.developers.SigningKeyService.SigningKeyInfo>)
                com.github.mvysny.kaributesting.v10.LocatorJ._find(Grid.class).stream()
                        .filter(grid -> grid.getColumnByKey("id") != null && "Signing key ID".equals(grid.getColumnByKey("id").getHeaderText()))
                        .findFirst().orElseThrow();
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(shown)).mapToObj(i -> GridKt._get(shown, i).id()))
                .contains(own.id()).doesNotContain(dashboardKeyId);
        // Still valid after the attempt to revoke it, and its private half is sealed in the database.
        assertThat(get(thumbnailUrl(video, token)).statusCode()).isEqualTo(200);
        var row = dsl.selectFrom(SIGNING_KEYS).where(SIGNING_KEYS.SIGNING_KEY_ID.eq(UUID.fromString(dashboardKeyId))).fetchSingle();
        assertThat(row.getDashboard()).isTrue();
        assertThat(row.getPrivateKeySealed()).startsWith("v1:").doesNotContain("PRIVATE").doesNotContain("MII");
        assertThat(json.readTree(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))).get("exp").asLong())
                .isLessThanOrEqualTo(java.time.Instant.now().plus(DashboardPlaybackTokens.LONGEST_LIFETIME).getEpochSecond());
    }

    @Test
    void a_real_browser_shows_the_signed_thumbnail_in_the_list_and_plays_the_signed_preview() throws Exception {
        NodeScripts.assumeChromium();
        var video = readySignedVideo(organization, "Signed in Chromium");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        var result = NodeScripts.run("browser-signed-preview.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                OWNER_PASSWORD, playbackId(video), video.toString(), shots.toString()), 180);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var report = json.readTree(result.stdout());
        assertThat(report.get("list").get("naturalWidth").asInt()).isGreaterThan(0);
        assertThat(report.get("list").get("src").asString()).contains("token=");
        assertThat(report.get("page").get("currentTime").asDouble()).isGreaterThan(1.0);
        assertThat(report.get("page").get("videoWidth").asInt()).isEqualTo(640);
    }

    private String thumbnailInTheList(String playbackId) {
        startUi();
        UI.getCurrent().navigate("videos");
        @SuppressWarnings("unchecked")
        Grid<VideoListItem> grid = _get(Grid.class);
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).playbackId().equals(playbackId)) {
                return ((Image) GridKt._getCellComponent(grid, row, "thumbnail")).getSrc();
            }
        }
        throw new AssertionError("The video is not in the list");
    }

    private String thumbnailUrl(VideoId video, String token) {
        return "image/" + playbackId(video) + "/thumbnail.jpg?width=160&token=" + token;
    }

    private HttpResponse<byte[]> get(String relative) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + relative)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String playbackId(VideoId video) {
        return dsl.select(VIDEOS.PLAYBACK_ID).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(video)).fetchSingle().value1();
    }

    private String kid(String token) {
        return json.readTree(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))).get("kid").asString();
    }

    private VideoId readySignedVideo(OrganizationId owner, String title) throws Exception {
        var id = VideoId.random();
        made.add(id);
        storeRealHls(id);
        dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, owner)
                .set(VIDEOS.TITLE, title).set(VIDEOS.STATUS, "ready")
                .set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                .set(VIDEOS.PLAYBACK_POLICY, "signed").set(VIDEOS.WIDTH, 640).set(VIDEOS.HEIGHT, 360)
                .set(VIDEOS.ASPECT_RATIO, "16:9").set(VIDEOS.DURATION_SECONDS, 6.0).execute();
        dsl.insertInto(RENDITIONS).set(RENDITIONS.RENDITION_ID, RenditionId.random()).set(RENDITIONS.VIDEO_ID, id)
                .set(RENDITIONS.ORGANIZATION_ID, owner).set(RENDITIONS.NAME, "360p").set(RENDITIONS.KIND, "video")
                .set(RENDITIONS.WIDTH, 640).set(RENDITIONS.HEIGHT, 360)
                .set(RENDITIONS.PLAYLIST_KEY, StorageKeys.hlsFile(id, "360p/index.m3u8")).execute();
        return id;
    }

    private void storeRealHls(VideoId id) throws Exception {
        RealHls.store(runner, ffmpeg, storage, id, dir);
    }
}
