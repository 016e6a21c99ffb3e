package io.vidcastx.core.dubbing;

import java.util.List;

/**
 * The master playlist's {@code EXT-X-MEDIA TYPE=AUDIO} group (RFC 8216 4.3.4.1, ADR 0023): the
 * video's variants keep their own sound ("muxed default"), listed as the DEFAULT rendition without
 * a URI, and each dubbed language is an audio-only rendition with its own playlist. Every variant
 * names the group, so players (hls.js, Safari) offer all of them in one audio menu.
 */
public final class HlsAudio {

    public static final String GROUP = "audio";
    /** The whole dubbed sound as one M4A beside the segments, for the video page's preview and download. */
    public static final String DOWNLOAD = "audio.m4a";
    private static final String MEDIA_PREFIX = "#EXT-X-MEDIA:TYPE=AUDIO";
    private static final String STREAM_INF = "#EXT-X-STREAM-INF:";

    private HlsAudio() {
    }

    /** A dubbed language and where its media playlist is, relative to the master. */
    public record Rendition(String language, String name, String playlistPath) {
    }

    /** The media playlist of a dubbed rendition whose segments are in {@code folder}. */
    public static String playlistPath(String folder) {
        return folder + "/index.m3u8";
    }

    /**
     * The master playlist with exactly {@code dubs} in its audio group, the original sound first and
     * DEFAULT; without dubs, no group at all. Earlier audio lines are replaced, so this can be
     * called again with the current tracks.
     */
    public static String master(String master, String originalLanguage, String originalName, List<Rendition> dubs) {
        var out = new StringBuilder(master.length() + 256 * (dubs.size() + 1));
        boolean inserted = false;
        for (String line : master.split("\n", -1)) {
            if (line.startsWith(MEDIA_PREFIX)) {
                continue;
            }
            if (line.startsWith(STREAM_INF)) {
                if (!inserted && !dubs.isEmpty()) {
                    out.append(MEDIA_PREFIX).append(",GROUP-ID=\"").append(GROUP).append("\",NAME=\"")
                            .append(quoted(originalName)).append("\",LANGUAGE=\"").append(originalLanguage)
                            .append("\",DEFAULT=YES,AUTOSELECT=YES\n");
                    for (var dub : dubs) {
                        out.append(MEDIA_PREFIX).append(",GROUP-ID=\"").append(GROUP).append("\",NAME=\"")
                                .append(quoted(dub.name())).append("\",LANGUAGE=\"").append(dub.language())
                                .append("\",DEFAULT=NO,AUTOSELECT=YES,URI=\"").append(dub.playlistPath()).append("\"\n");
                    }
                }
                inserted = true;
                line = line.replaceAll(",AUDIO=\"[^\"]*\"", "");
                if (!dubs.isEmpty()) {
                    line = line + ",AUDIO=\"" + GROUP + "\"";
                }
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** A media playlist for audio segments {@code segment_000.ts...} cut where the video's are. */
    public static String mediaPlaylist(List<Double> segmentSeconds) {
        var out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:");
        out.append((long) Math.ceil(segmentSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(1)))
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < segmentSeconds.size(); i++) {
            out.append(String.format(java.util.Locale.ROOT, "#EXTINF:%.6f,\n", segmentSeconds.get(i)))
                    .append(segmentName(i)).append('\n');
        }
        return out.append("#EXT-X-ENDLIST\n").toString();
    }

    public static String segmentName(int index) {
        return String.format(java.util.Locale.ROOT, "segment_%03d.ts", index);
    }

    /** The segment durations of a VOD media playlist, in order. */
    public static List<Double> segmentDurations(String playlist) {
        return playlist.lines().filter(line -> line.startsWith("#EXTINF:"))
                .map(line -> Double.parseDouble(line.substring(8, line.indexOf(',') < 0 ? line.length() : line.indexOf(','))))
                .toList();
    }

    private static String quoted(String name) {
        return name.replace("\"", "'").replace("\n", " ");
    }
}
