package io.vidcastx.playback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Adapts stored playlists to their public URLs: the master's rendition paths gain the playback id
 * (the master is served at {@code /stream/{id}.m3u8}, one level above its renditions), and for signed
 * playback every URI carries the token.
 */
final class PlaylistRewriter {

    private PlaylistRewriter() {
    }

    static String master(String playlist, String playbackId, @Nullable String token) {
        return rewrite(playlist, playbackId + "/", token);
    }

    static String media(String playlist, @Nullable String token) {
        return token == null ? playlist : rewrite(playlist, "", token);
    }

    private static String rewrite(String playlist, String prefix, @Nullable String token) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var out = new StringBuilder(playlist.length() + 256);
        for (String line : playlist.split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.append(prefix).append(line.strip()).append(query);
            } else if (line.startsWith("#EXT-X-MEDIA:") && line.contains("URI=\"")) {
                // Subtitle (and alternative audio) renditions name their playlist in an attribute.
                int start = line.indexOf("URI=\"") + 5;
                int end = line.indexOf('"', start);
                out.append(line, 0, start).append(prefix).append(line, start, end).append(query).append(line.substring(end));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
