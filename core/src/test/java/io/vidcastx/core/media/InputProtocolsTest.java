package io.vidcastx.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's "video" can be a playlist whose entries point anywhere. The real ffprobe, with the
 * arguments MediaProbe builds, must not follow them: a local HTTP server counts whether it was asked.
 * (FFmpeg 8 itself already limits what a local file may open to file, crypto and data, only takes a
 * file for HLS when its name ends in .m3u8, and concat's safe mode refuses URLs and absolute paths;
 * the whitelist keeps that true for any FFmpeg build VIDCASTX_FFMPEG_PATH points at.)
 */
class InputProtocolsTest {

    private final MediaProbe probe = new MediaProbe(new FfmpegBinaries(new FfmpegProperties(null, null)),
            new MediaProcessRunner());
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer internalService;

    @TempDir
    Path dir;

    @BeforeEach
    void internalService() throws Exception {
        internalService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internalService.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internalService.start();
    }

    @AfterEach
    void stop() {
        internalService.stop(0);
    }

    private String internalUrl(String path) {
        return "http://127.0.0.1:" + internalService.getAddress().getPort() + path;
    }

    @Test
    void every_probe_reads_its_input_with_only_the_file_protocol() {
        assertThat(MediaProbe.arguments(Path.of("/tmp/upload.mp4")))
                .containsSubsequence("-protocol_whitelist", "file", "/tmp/upload.mp4");
    }

    @Test
    void an_hls_playlist_pointing_at_an_internal_http_service_is_refused_without_a_request() throws Exception {
        Path playlist = Files.writeString(dir.resolve("upload.m3u8"), """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXTINF:4.0,
                %s
                #EXT-X-ENDLIST
                """.formatted(internalUrl("/latest/meta-data/segment.ts")));

        assertThatThrownBy(() -> probe.probe(playlist)).isInstanceOf(FfmpegException.class);
        assertThat(requests).as("requests the internal service received").hasValue(0);
    }

    @Test
    void a_concat_list_pointing_at_an_internal_http_service_is_refused_without_a_request() throws Exception {
        Path list = Files.writeString(dir.resolve("upload.mov"), "ffconcat version 1.0\nfile " + internalUrl("/admin.mp4") + "\n");

        assertThatThrownBy(() -> probe.probe(list)).isInstanceOf(FfmpegException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void playlists_pointing_at_etc_passwd_are_refused() throws Exception {
        Path hls = Files.writeString(dir.resolve("a.m3u8"),
                "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nfile:/etc/passwd\n#EXT-X-ENDLIST\n");
        Path concat = Files.writeString(dir.resolve("b.mp4"), "ffconcat version 1.0\nfile /etc/passwd\n");

        assertThatThrownBy(() -> probe.probe(hls)).isInstanceOf(FfmpegException.class);
        assertThatThrownBy(() -> probe.probe(concat)).isInstanceOf(FfmpegException.class);
    }

    @Test
    void a_list_of_local_files_is_recognised_so_that_the_worker_refuses_it() throws Exception {
        new MediaProcessRunner().run(new FfmpegBinaries(new FfmpegProperties(null, null)).ffmpeg(), java.util.List.of(
                "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts", dir.resolve("clip.ts").toString()),
                dir, java.time.Duration.ofMinutes(1), null, () -> false);
        // Named as the worker names every download: no extension to go by.
        Path upload = Files.writeString(dir.resolve("source"), "ffconcat version 1.0\nfile clip.ts\n");

        var media = probe.probe(upload);

        assertThat(media.formatName()).isEqualTo("concat");
        assertThat(media.isPlaylist()).isTrue();
    }
}
