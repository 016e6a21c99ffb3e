package io.vidcastx.core.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.Test;

class AssetPayloadTest {

    private static final VideoId VIDEO = VideoId.parse("6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60");

    @Test
    void a_ready_video_has_mux_fields_tracks_and_renditions() {
        var asset = AssetPayload.of(VIDEO, VideoStatus.READY)
                .createdAt(OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .playbackIds(List.of(new AssetPayload.PlaybackId("abcdefgh12", "signed")))
                .meta("Launch", null)
                .duration(12.5)
                .picture(1920, 1080, 29.97002997)
                .audio(6)
                .renditions(List.of(new AssetPayload.Rendition("1080p", 5_000_000L)))
                .error("ignored unless failed")
                .build();

        assertThat(asset).containsExactly(
                Map.entry("id", VIDEO.toString()),
                Map.entry("status", "ready"),
                Map.entry("created_at", "1796083200"),
                Map.entry("playback_ids", List.of(Map.of("id", "abcdefgh12", "policy", "signed"))),
                Map.entry("meta", Map.of("title", "Launch")),
                Map.entry("duration", 12.5),
                Map.entry("aspect_ratio", "16:9"),
                Map.entry("max_stored_resolution", "FHD"),
                Map.entry("max_stored_frame_rate", 29.97),
                Map.entry("tracks", List.of(
                        Map.of("type", "video", "max_width", 1920, "max_height", 1080, "max_frame_rate", 29.97),
                        Map.of("type", "audio", "max_channels", 2))),
                Map.entry("renditions", List.of(Map.of("name", "1080p", "bandwidth", 5_000_000L))));
    }

    @Test
    void a_new_video_is_preparing_without_tracks() {
        var upload = UploadId.parse("0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c");
        var asset = AssetPayload.of(VIDEO, VideoStatus.PROCESSING)
                .playbackIds(List.of(new AssetPayload.PlaybackId("abcdefgh12", "public")))
                .uploadId(upload)
                .build();

        assertThat(asset).containsOnlyKeys("id", "status", "playback_ids", "upload_id");
        assertThat(asset.get("status")).isEqualTo("preparing");
        assertThat(asset.get("upload_id")).isEqualTo(upload.toString());
    }

    @Test
    void a_failed_video_carries_its_reason_and_a_ready_one_without_picture_is_audio_only() {
        var failed = AssetPayload.of(VIDEO, VideoStatus.FAILED).error("Not a video").build();
        var audio = AssetPayload.of(VIDEO, VideoStatus.READY).duration(3.0).audio(1).build();

        assertThat(failed.get("status")).isEqualTo("errored");
        assertThat(failed.get("errors")).isEqualTo(Map.of("type", "invalid_input", "messages", List.of("Not a video")));
        assertThat(audio.get("max_stored_resolution")).isEqualTo("Audio only");
        assertThat(audio.get("tracks")).isEqualTo(List.of(Map.of("type", "audio", "max_channels", 1)));
    }
}
