package io.vidcastx.workers.live.hls;

import java.util.List;

/**
 * @param segmentSeconds  target segment duration (segments are cut on the source's key frames)
 * @param windowSegments  segments kept in each live playlist; older ones are deleted
 * @param ladder          encoded rungs below the source rung
 * @param preset          x264 preset for encoded rungs
 * @param audioKbps       AAC bit rate when the source audio is not AAC
 * @param sourceKbps      bit rate of the source rung when the source video is not H.264 and must be encoded
 */
public record LiveHlsSettings(int segmentSeconds, int windowSegments, List<LiveRung> ladder, String preset,
                              int audioKbps, int sourceKbps) {

    public LiveHlsSettings {
        ladder = List.copyOf(ladder);
        if (segmentSeconds < 1 || windowSegments < 2) {
            throw new IllegalArgumentException("live segments need at least 1 s and a window of 2");
        }
        if (ladder.stream().map(LiveRung::name).distinct().count() != ladder.size()) {
            throw new IllegalArgumentException("live rung names must be unique");
        }
    }
}
