package io.vidcastx.workers.transcode;

import java.util.ArrayList;
import java.util.List;

/** The parts of an HLS media playlist the worker needs: target duration and segments. */
record MediaPlaylist(int targetDuration, List<Segment> segments, boolean ended) {

    record Segment(String uri, double duration) {
    }

    static MediaPlaylist parse(String text) {
        int target = 0;
        boolean ended = false;
        var segments = new ArrayList<Segment>();
        double pending = -1;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(line.substring("#EXT-X-TARGETDURATION:".length()).strip());
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring("#EXTINF:".length());
                int comma = value.indexOf(',');
                pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.isEmpty() && !line.startsWith("#") && pending >= 0) {
                segments.add(new Segment(line, pending));
                pending = -1;
            }
        }
        if (!text.startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("Not an HLS playlist");
        }
        return new MediaPlaylist(target, List.copyOf(segments), ended);
    }

    double totalDuration() {
        return segments.stream().mapToDouble(Segment::duration).sum();
    }
}
