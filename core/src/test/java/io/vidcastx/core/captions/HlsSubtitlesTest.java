package io.vidcastx.core.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HlsSubtitlesTest {

    private static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080
            1080p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720
            720p/index.m3u8
            """;

    @Test
    void every_variant_points_to_the_subtitle_group_and_the_first_track_is_the_default() {
        String master = HlsSubtitles.master(MASTER, List.of(new HlsSubtitles.Track("en", "English"),
                new HlsSubtitles.Track("pt-BR", "Portuguese (Brazil)")));

        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI="subtitles/en.m3u8"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Portuguese (Brazil)",LANGUAGE="pt-BR",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/pt-BR.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080,SUBTITLES="subs"
                1080p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,SUBTITLES="subs"
                720p/index.m3u8
                """);
    }

    @Test
    void regenerating_replaces_rather_than_repeats_and_no_tracks_restores_the_original() {
        var tracks = List.of(new HlsSubtitles.Track("en", "English"));
        String once = HlsSubtitles.master(MASTER, tracks);

        assertThat(HlsSubtitles.master(once, tracks)).isEqualTo(once);
        assertThat(HlsSubtitles.master(once, List.of())).isEqualTo(MASTER);
    }

    @Test
    void the_webvtt_playlist_is_one_segment_as_long_as_the_video() {
        assertThat(HlsSubtitles.mediaPlaylist(61.2, "en")).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:62
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:61.200,
                en.vtt
                #EXT-X-ENDLIST
                """);
    }
}
