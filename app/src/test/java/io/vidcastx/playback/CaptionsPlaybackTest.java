package io.vidcastx.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.WebVtt;
import io.vidcastx.developers.SigningKeyService;
import io.vidcastx.transcripts.TranscriptTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Captions over HTTP as HLS players fetch them: master SUBTITLES group, WebVTT playlist, WebVTT file. */
class CaptionsPlaybackTest extends TranscriptTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    SigningKeyService signingKeys;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Cue> cues = List.of(new Cue(500, 2_000, "Hello"), new Cue(2_000, 4_000, "and welcome"));

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_player_finds_the_captions_from_the_master_playlist() throws Exception {
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        var video = fixtures.readyVideo(organization, "Captioned", playbackId, "public");
        fixtures.transcript(organization, video, "en", cues);

        var master = get("/stream/" + playbackId + ".m3u8");
        assertThat(master.body()).contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
                + "DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI=\"" + playbackId + "/subtitles/en.m3u8\"")
                .contains("SUBTITLES=\"subs\"\n" + playbackId + "/360p/index.m3u8");

        var playlist = get("/stream/" + playbackId + "/subtitles/en.m3u8");
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/vnd.apple.mpegurl"));
        assertThat(playlist.body()).contains("#EXTINF:20.000,\nen.vtt\n#EXT-X-ENDLIST");

        var vtt = get("/stream/" + playbackId + "/subtitles/en.vtt");
        assertThat(vtt.statusCode()).isEqualTo(200);
        assertThat(vtt.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/vtt"));
        assertThat(vtt.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(vtt.body()).startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000");
        assertThat(WebVtt.parse(vtt.body())).isEqualTo(cues);

        assertThat(get("/stream/" + playbackId + "/subtitles/de.vtt").statusCode()).isEqualTo(404);
        assertThat(get("/stream/" + playbackId + "/subtitles/..%2Fx.vtt").statusCode()).isIn(400, 404);
        assertThat(get("/stream/" + playbackId + "/subtitles/EN.m3u8").statusCode()).isEqualTo(404);
    }

    @Test
    void signed_captions_need_the_token_and_carry_it_on() throws Exception {
        String playbackId = UUID.randomUUID().toString().replace("-", "");
        var video = fixtures.readyVideo(organization, "Signed", playbackId, "signed");
        fixtures.transcript(organization, video, "en", cues);
        String token = PlaybackTest.jwt(signingKeys.create(organization), playbackId, "v",
                Instant.now().getEpochSecond() + 600);

        assertThat(get("/stream/" + playbackId + "/subtitles/en.vtt").statusCode()).isEqualTo(403);
        assertThat(get("/stream/" + playbackId + ".m3u8?token=" + token).body())
                .contains("URI=\"" + playbackId + "/subtitles/en.m3u8?token=" + token + "\"");
        assertThat(get("/stream/" + playbackId + "/subtitles/en.m3u8?token=" + token).body())
                .contains("en.vtt?token=" + token);
        assertThat(get("/stream/" + playbackId + "/subtitles/en.vtt?token=" + token).statusCode()).isEqualTo(200);
    }
}
