package io.vidcastx.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThumbnailArgumentsTest {

    @Test
    void a_frame_is_read_from_storage_over_http_only() {
        var args = ThumbnailArguments.frameAt("http://127.0.0.1:9000/videos/abc/mp4/highest.mp4?X-Amz-Signature=1", 12.5,
                "scale=640:-2", "/tmp/frame.jpg");

        assertThat(args).containsSubsequence("-ss", "12.500", "-protocol_whitelist", "http,https,tcp,tls",
                "-i", "http://127.0.0.1:9000/videos/abc/mp4/highest.mp4?X-Amz-Signature=1", "-frames:v", "1",
                "-vf", "scale=640:-2").endsWith("/tmp/frame.jpg");
    }
}
