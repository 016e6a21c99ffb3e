package io.vidcastx.videos;

import java.util.List;
import java.util.Map;

import io.vidcastx.core.videos.VideoStatus;

/**
 * The home page's figures, all counted from the database.
 *
 * @param storageBytes     sources plus everything transcoding produced
 * @param encodingMinutes  minutes of video that finished transcoding this calendar month (UTC)
 */
public record HomeStats(long storageBytes, Map<VideoStatus, Integer> byStatus, double encodingMinutes,
                        List<VideoListItem> recent) {

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
