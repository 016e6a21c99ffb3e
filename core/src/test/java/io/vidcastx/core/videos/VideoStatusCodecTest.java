package io.vidcastx.core.videos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoStatusCodecTest {

    private static final OrganizationId ORGANIZATION = OrganizationId.parse("0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c");
    private static final VideoId VIDEO = VideoId.parse("6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60");

    @Test
    void a_message_is_a_json_object_with_the_four_fields() {
        var text = VideoStatusCodec.encode(new VideoStatusMessage(ORGANIZATION, VIDEO, VideoStatus.PROCESSING, 31));

        assertThat(text).isEqualTo("{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\","
                + "\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"processing\",\"progress\":31}");
    }

    @Test
    void every_status_survives_a_round_trip() {
        for (var status : VideoStatus.values()) {
            var message = new VideoStatusMessage(ORGANIZATION, VIDEO, status, 100);
            assertThat(VideoStatusCodec.decode(VideoStatusCodec.encode(message))).contains(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c 6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60 ready 100",
            "",
            "[]",
            "{}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\"}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\",\"progress\":100,\"extra\":1}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"done\",\"progress\":100}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"not-a-uuid\",\"status\":\"ready\",\"progress\":100}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\",\"progress\":\"100\"}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\",\"progress\":100.5}",
            "{\"organization_id\":\"0b7c6a1e-2f3d-4e5a-8b9c-0d1e2f3a4b5c\",\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\",\"progress\":101}",
            "{\"organization_id\":null,\"video_id\":\"6f1e8a9c-0d2b-4c5e-9f7a-1b2c3d4e5f60\",\"status\":\"ready\",\"progress\":1}",
    })
    void anything_else_is_refused_whole(String text) {
        assertThat(VideoStatusCodec.decode(text)).isEmpty();
    }

    @Test
    void progress_outside_zero_to_a_hundred_cannot_be_sent() {
        assertThatThrownBy(() -> new VideoStatusMessage(ORGANIZATION, VIDEO, VideoStatus.PROCESSING, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
