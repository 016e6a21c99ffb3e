package io.vidcastx.workers.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlaylistsTest {

    @Test
    void a_media_playlist_is_read_segment_by_segment() {
        var playlist = MediaPlaylist.parse("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:6
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:6.000000,
                segment_000.ts
                #EXTINF:2.500000,
                segment_001.ts
                #EXT-X-ENDLIST
                """);

        assertThat(playlist.targetDuration()).isEqualTo(6);
        assertThat(playlist.ended()).isTrue();
        assertThat(playlist.segments()).extracting(MediaPlaylist.Segment::uri).containsExactly("segment_000.ts", "segment_001.ts");
        assertThat(playlist.totalDuration()).isEqualTo(8.5);
    }

    @Test
    void the_master_playlist_carries_every_attribute_players_choose_by() {
        String master = MasterPlaylist.write(List.of(
                new MasterPlaylist.Variant("1080p/index.m3u8", 5_600_000, 4_900_000, "avc1.640028,mp4a.40.2", 1920, 1080, 30),
                new MasterPlaylist.Variant("audio/index.m3u8", 140_000, 131_000, "mp4a.40.2", 0, 0, 0)));

        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=5600000,AVERAGE-BANDWIDTH=4900000,CODECS="avc1.640028,mp4a.40.2",RESOLUTION=1920x1080,FRAME-RATE=30.000
                1080p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=131000,CODECS="mp4a.40.2"
                audio/index.m3u8
                """);
    }

    @Test
    void ffmpeg_progress_becomes_a_percentage_of_the_duration() {
        var seen = new java.util.ArrayList<Integer>();
        var progress = new FfmpegProgress(10, seen::add);
        progress.accept("frame=10");
        progress.accept("out_time_us=N/A");
        progress.accept("out_time_us=2500000");
        progress.accept("out_time_ms=9999999");
        progress.accept("progress=end");
        assertThat(seen).containsExactly(25, 99, 100);
    }
}
