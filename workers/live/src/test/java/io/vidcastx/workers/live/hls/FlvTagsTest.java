package io.vidcastx.workers.live.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FlvTagsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void the_header_announces_the_streams_and_is_followed_by_a_zero_previous_tag_size() {
        assertThat(HEX.formatHex(FlvTags.header(true, true))).isEqualTo("464c5601" + "05" + "00000009" + "00000000");
        assertThat(FlvTags.header(false, true)[4]).isEqualTo((byte) 1);
    }

    @Test
    void a_tag_carries_its_size_a_split_timestamp_and_its_previous_tag_size() {
        byte[] tag = FlvTags.tag(FlvTags.VIDEO, 0x12345678L, new byte[] {0x17, 0x01});

        assertThat(HEX.formatHex(tag)).isEqualTo("09" + "000002" + "345678" + "12" + "000000" + "1701" + "0000000d");
    }

    @Test
    void codecs_are_told_from_the_first_byte_of_a_tag() {
        assertThat(FlvTags.isH264(new byte[] {0x17, 0})).isTrue();
        assertThat(FlvTags.isH264(new byte[] {0x12, 0})).isFalse(); // Sorenson H.263
        assertThat(FlvTags.isH264(new byte[] {(byte) 0x90, 'h', 'v', 'c', '1'})).isFalse(); // enhanced RTMP HEVC
        assertThat(FlvTags.isH264(new byte[] {(byte) 0x90, 'a', 'v', 'c', '1'})).isTrue();
        assertThat(FlvTags.isAac(new byte[] {(byte) 0xAF, 0})).isTrue();
        assertThat(FlvTags.isAac(new byte[] {0x2F, 0})).isFalse(); // MP3
    }
}
