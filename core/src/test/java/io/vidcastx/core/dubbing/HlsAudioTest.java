package io.vidcastx.core.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HlsAudioTest {

    private static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI="subtitles/en.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240,SUBTITLES="subs"
            240p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x480,SUBTITLES="subs"
            480p/index.m3u8
            """;

    @Test
    void the_original_sound_is_the_default_and_every_variant_names_the_group() {
        String master = HlsAudio.master(MASTER, "en", "English",
                List.of(new HlsAudio.Rendition("es", "Español", "dub0a1b2c3d/index.m3u8")));

        assertThat(master).contains("""
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Español",LANGUAGE="es",DEFAULT=NO,AUTOSELECT=YES,URI="dub0a1b2c3d/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240,SUBTITLES="subs",AUDIO="audio"
                240p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x480,SUBTITLES="subs",AUDIO="audio"
                """);
        assertThat(master).as("subtitles untouched").contains("URI=\"subtitles/en.m3u8\"");
        assertThat(HlsAudio.master(master, "en", "English",
                List.of(new HlsAudio.Rendition("es", "Español", "dub0a1b2c3d/index.m3u8")))).isEqualTo(master);
    }

    @Test
    void without_dubs_the_group_and_the_variants_reference_go() {
        String dubbed = HlsAudio.master(MASTER, "en", "English",
                List.of(new HlsAudio.Rendition("es", "Español", "dub0a1b2c3d/index.m3u8")));

        assertThat(HlsAudio.master(dubbed, "en", "English", List.of())).isEqualTo(MASTER);
    }

    @Test
    void segment_durations_are_read_and_written_in_order() {
        String playlist = HlsAudio.mediaPlaylist(List.of(4.0, 4.0, 1.5));

        assertThat(playlist).contains("#EXT-X-TARGETDURATION:4\n", "#EXTINF:1.500000,\nsegment_002.ts\n#EXT-X-ENDLIST");
        assertThat(HlsAudio.segmentDurations(playlist)).containsExactly(4.0, 4.0, 1.5);
    }
}
