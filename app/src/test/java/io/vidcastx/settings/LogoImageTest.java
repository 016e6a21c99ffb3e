package io.vidcastx.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LogoImageTest {

    @Test
    void a_tiny_png_that_claims_30000_by_30000_pixels_is_refused_from_its_header_before_decoding() throws Exception {
        byte[] bomb = CraftedImages.deflateBomb(30_000, 2_000);
        assertThat(bomb.length).as("well under the 1 MB upload limit").isLessThan(200_000);
        var allocation = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = allocation.getThreadAllocatedBytes(Thread.currentThread().threadId());

        assertThatThrownBy(() -> LogoImage.inspect(bomb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A logo is at most 4096 x 4096 pixels; this one is 30000 x 30000");

        long allocated = allocation.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
        assertThat(allocated).as("bytes allocated while inspecting (the decoded picture would be 900 MB)")
                .isLessThan(16L * 1024 * 1024);
    }

    @Test
    void a_png_within_4096_pixels_a_side_is_decoded_and_accepted() throws Exception {
        assertThat(LogoImage.inspect(CraftedImages.deflateBomb(4096, 4096)).contentType()).isEqualTo("image/png");
    }

    @Test
    void a_webp_whose_header_claims_20000_pixels_is_refused() {
        var webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(22).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0)
                .put(new byte[] {(byte) (19_999 & 0xff), (byte) (19_999 >> 8), 0, (byte) (299 & 0xff), (byte) (299 >> 8), 0})
                .array();

        assertThatThrownBy(() -> LogoImage.inspect(webp)).hasMessage("A logo is at most 4096 x 4096 pixels; this one is 20000 x 300");
    }
}
