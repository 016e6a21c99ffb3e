package io.vidcastx.core.captions;

import java.util.List;
import java.util.Locale;

/**
 * The HLS side of captions (RFC 8216): a WebVTT media playlist per language, and the master
 * playlist's {@code EXT-X-MEDIA TYPE=SUBTITLES} group that every variant points to.
 */
public final class HlsSubtitles {

    public static final String GROUP = "subs";
    private static final String MEDIA_PREFIX = "#EXT-X-MEDIA:TYPE=SUBTITLES";
    private static final String STREAM_INF = "#EXT-X-STREAM-INF:";

    private HlsSubtitles() {
    }

    /** One caption language; the first track of a video is its default. */
    public record Track(String language, String name) {
    }

    /** The subtitle playlist's path relative to the master. */
    public static String playlistPath(String language) {
        return "subtitles/" + language + ".m3u8";
    }

    /** The WebVTT file's name relative to the subtitle playlist. */
    public static String vttName(String language) {
        return language + ".vtt";
    }

    /** A VOD playlist whose one segment is the whole WebVTT file. */
    public static String mediaPlaylist(double durationSeconds, String language) {
        double duration = Math.max(durationSeconds, 0.001);
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (long) Math.ceil(duration)
                + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                + String.format(Locale.ROOT, "#EXTINF:%.3f,\n", duration) + vttName(language) + "\n#EXT-X-ENDLIST\n";
    }

    /**
     * The master playlist with exactly {@code tracks} as its subtitle group: earlier subtitle lines
     * are replaced, so calling it again with the current tracks is harmless.
     */
    public static String master(String master, List<Track> tracks) {
        var out = new StringBuilder(master.length() + 256 * tracks.size());
        boolean inserted = false;
        for (String line : master.split("\n", -1)) {
            if (line.startsWith(MEDIA_PREFIX)) {
                continue;
            }
            if (line.startsWith(STREAM_INF)) {
                if (!inserted) {
                    for (int i = 0; i < tracks.size(); i++) {
                        out.append(mediaLine(tracks.get(i), i == 0)).append('\n');
                    }
                    inserted = true;
                }
                line = line.replaceAll(",SUBTITLES=\"[^\"]*\"", "");
                if (!tracks.isEmpty()) {
                    line = line + ",SUBTITLES=\"" + GROUP + "\"";
                }
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String mediaLine(Track track, boolean first) {
        return MEDIA_PREFIX + ",GROUP-ID=\"" + GROUP + "\",NAME=\"" + track.name().replace("\"", "'")
                + "\",LANGUAGE=\"" + track.language() + "\",DEFAULT=" + (first ? "YES" : "NO")
                + ",AUTOSELECT=YES,FORCED=NO,URI=\"" + playlistPath(track.language()) + "\"";
    }
}
