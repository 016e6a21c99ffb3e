package io.vidcastx.core.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.testing.CoreTestApplication;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The segments' clock read with the real ffprobe from the embedded S3. */
@SpringBootTest(classes = CoreTestApplication.class)
class MpegTsClockTest {

    @Autowired
    MpegTsClock clock;
    @Autowired
    StorageService storage;

    @TempDir
    Path workDir;

    @Test
    void the_segment_is_probed_with_only_the_file_protocol() {
        assertThat(MpegTsClock.arguments(Path.of("/tmp/first-segment.ts")))
                .containsSubsequence("-protocol_whitelist", "file", "/tmp/first-segment.ts");
    }

    @Test
    void a_segment_ffprobe_cannot_read_maps_captions_to_zero_and_leaves_no_file_behind() throws Exception {
        var video = VideoId.random();
        String playlist = StorageKeys.hlsFile(video, "360p/index.m3u8");
        storage.uploadFile(playlist,
                "#EXTM3U\n#EXTINF:4.0,\nsegment_000.ts\n#EXT-X-ENDLIST\n".getBytes(StandardCharsets.UTF_8), null);
        storage.uploadFile(StorageKeys.hlsFile(video, "360p/segment_000.ts"),
                "not MPEG-TS".getBytes(StandardCharsets.UTF_8), null);

        assertThat(clock.firstTimestamp(video, Optional.of(playlist), workDir)).isZero();

        try (var left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        }
    }
}
