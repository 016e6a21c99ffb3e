package io.vidcastx.distribution;

import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static io.vidcastx.db.jooq.Tables.VIDEO_DISTRIBUTIONS;
import static io.vidcastx.db.jooq.Tables.YOUTUBE_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.playback.StillFrames;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.RealMp4;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thumbnail sent with a YouTube publish, chosen through the API: the poster by default, a frame
 * cut at a chosen second from the real MP4 and kept outside the image cache, or none.
 */
class PublishThumbnailTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JsonMapper json;
    @Autowired
    StorageService storage;
    @Autowired
    FfmpegBinaries ffmpeg;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    StillFrames stills;
    @TempDir
    Path scratch;

    OrganizationId organization;
    VideoId video;
    HttpTestClient client;
    String path;

    @BeforeEach
    void aConnectedOrganizationWithARealVideo() throws Exception {
        organization = TestData.organization(dsl, "Thumbnail publishers");
        video = TestData.readyVideo(dsl, organization, "Launch");
        dsl.update(VIDEOS).set(VIDEOS.WIDTH, 320).set(VIDEOS.HEIGHT, 180).set(VIDEOS.DURATION_SECONDS, RealMp4.SECONDS)
                .where(VIDEOS.VIDEO_ID.eq(video)).execute();
        RealMp4.store(runner, ffmpeg, storage, video, scratch);
        dsl.insertInto(YOUTUBE_CONNECTIONS).set(YOUTUBE_CONNECTIONS.ORGANIZATION_ID, organization)
                .set(YOUTUBE_CONNECTIONS.CHANNEL_ID, "UC1").set(YOUTUBE_CONNECTIONS.CHANNEL_TITLE, "Acme")
                .set(YOUTUBE_CONNECTIONS.REFRESH_TOKEN_CIPHERTEXT, "v1:unused").execute();
        client = HttpTestClient.withNewKey(port, apiKeys, organization, "thumbnails");
        path = "/video/v1/assets/" + video + "/distributions";
    }

    private java.net.http.HttpResponse<String> publish(String thumbnailFields) {
        return client.request("POST", path).json("{\"destination\":\"youtube\",\"title\":\"Launch\",\"privacy\":\"unlisted\","
                + "\"replace\":true" + thumbnailFields + "}").send();
    }

    private String keptKey() {
        return dsl.select(VIDEO_DISTRIBUTIONS.THUMBNAIL_KEY).from(VIDEO_DISTRIBUTIONS)
                .where(VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video)).fetchSingle().value1();
    }

    private String cancelled(java.net.http.HttpResponse<String> created) {
        String id = read(created.body()).at("/data/id").asString();
        assertThat(client.request("DELETE", path + "/" + id).send().statusCode()).isEqualTo(204);
        return id;
    }

    @Test
    void thePosterIsSentByDefaultAFrameWhenChosenAndNoneWhenDeclined() throws Exception {
        var poster = publish("");
        assertThat(poster.statusCode()).isEqualTo(201);
        assertThat(read(poster.body()).at("/data/thumbnail").asString()).isEqualTo("poster");
        assertThat(keptKey()).isEqualTo(StorageKeys.thumbnailsFolder(video) + "thumbnail.jpg");
        cancelled(poster);

        var frame = publish(",\"thumbnail\":\"frame\",\"thumbnail_time\":3");
        assertThat(frame.statusCode()).isEqualTo(201);
        assertThat(read(frame.body()).at("/data/thumbnail").asString()).isEqualTo("frame");
        String kept = keptKey();
        assertThat(kept).startsWith(StorageKeys.thumbnailsFolder(video) + "kept/").endsWith(".jpg");
        // Kept apart from the image API's cache: emptying that cache leaves the publish job its picture.
        storage.deleteFolder(StorageKeys.thumbnailsFolder(video) + "cache/");
        try (var in = storage.getFileStream(kept)) {
            var picture = ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
            assertThat(picture.getWidth()).isEqualTo(320);
            assertThat(picture.getHeight()).isEqualTo(180);
        }
        cancelled(frame);

        var none = publish(",\"thumbnail\":\"none\"");
        assertThat(none.statusCode()).isEqualTo(201);
        assertThat(read(none.body()).at("/data/thumbnail").asString()).isEqualTo("none");
        assertThat(keptKey()).isNull();
    }

    @Test
    void aWrongThumbnailChoiceIsRefusedWithItsReasonAndQueuesNothing() {
        assertThat(refusal(publish(",\"thumbnail\":\"banner\""))).contains("thumbnail must be one of poster, none, frame");
        assertThat(refusal(publish(",\"thumbnail\":\"frame\""))).contains("needs thumbnail_time");
        assertThat(refusal(publish(",\"thumbnail_time\":\"three\""))).contains("thumbnail_time must be a number");
        assertThat(refusal(publish(",\"thumbnail_time\":-1"))).contains("0 or more");
        assertThat(refusal(publish(",\"thumbnail_time\":60"))).contains("thumbnail_time").contains("duration (4.00 s)");
        assertThat(refusal(publish(",\"thumbnail\":\"poster\",\"thumbnail_time\":2"))).contains("goes with thumbnail \"frame\"");
        assertThat(dsl.fetchCount(VIDEO_DISTRIBUTIONS, VIDEO_DISTRIBUTIONS.VIDEO_ID.eq(video))).isZero();
    }

    @Test
    void stillsAreOnlyMadeOfTheOrganizationsOwnReadyVideos() {
        var stranger = TestData.organization(dsl, "Not the owner");
        assertThat(stills.keep(stranger, video, null)).isEmpty();
        assertThat(stills.keep(stranger, video, 1.0)).isEmpty();
        assertThat(stills.keep(organization, video, null)).contains(StorageKeys.thumbnailsFolder(video) + "thumbnail.jpg");
        assertThatThrownBy(() -> stills.keep(organization, video, 9.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private String refusal(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).at("/error/type").asString()).isEqualTo("invalid_parameters");
        return read(response.body()).at("/error/messages/0").asString();
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
