package io.vidcastx.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PictureSizeTest {

    @Test
    void aspect_ratios_are_reduced_fractions() {
        assertThat(PictureSize.aspectRatio(1920, 1080)).isEqualTo("16:9");
        assertThat(PictureSize.aspectRatio(1080, 1920)).isEqualTo("9:16");
        assertThat(PictureSize.aspectRatio(640, 480)).isEqualTo("4:3");
    }

    @Test
    void tiers_follow_the_short_side() {
        assertThat(PictureSize.tier(3840, 2160)).isEqualTo("UHD");
        assertThat(PictureSize.tier(1080, 1920)).isEqualTo("FHD");
        assertThat(PictureSize.tier(1280, 720)).isEqualTo("HD");
        assertThat(PictureSize.tier(854, 480)).isEqualTo("SD");
    }
}
