package io.vidcastx.videos.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vidcastx.core.media.PictureSize;
import io.vidcastx.videos.PlaybackIdInfo;
import io.vidcastx.videos.VideoDetail;
import io.vidcastx.core.videos.VideoStatus;

/** A video as Mux's API shows an asset. */
final class AssetJson {

    private AssetJson() {
    }

    static Map<String, Object> playbackId(PlaybackIdInfo info) {
        return Map.of("id", info.id(), "policy", info.policy());
    }

    static Map<String, Object> of(VideoDetail video, List<PlaybackIdInfo> playbackIds) {
        var asset = new LinkedHashMap<String, Object>();
        asset.put("id", video.id().toString());
        asset.put("status", switch (video.status()) {
            case PROCESSING -> "preparing";
            case READY -> "ready";
            case FAILED -> "errored";
        });
        asset.put("created_at", String.valueOf(video.createdAt().toEpochSecond()));
        asset.put("playback_ids", playbackIds.stream().map(AssetJson::playbackId).toList());
        asset.put("meta", video.description() == null ? Map.of("title", video.title())
                : Map.of("title", video.title(), "description", video.description()));
        if (video.durationSeconds() != null) {
            asset.put("duration", video.durationSeconds());
        }
        if (video.aspectRatio() != null) {
            asset.put("aspect_ratio", video.aspectRatio());
        }
        var tracks = new ArrayList<Map<String, Object>>();
        if (video.width() != null && video.height() != null) {
            asset.put("max_stored_resolution", PictureSize.tier(video.width(), video.height()));
            var track = new LinkedHashMap<String, Object>();
            track.put("type", "video");
            track.put("max_width", video.width());
            track.put("max_height", video.height());
            if (video.frameRate() != null) {
                track.put("max_frame_rate", Math.round(video.frameRate() * 1000) / 1000.0);
                asset.put("max_stored_frame_rate", Math.round(video.frameRate() * 1000) / 1000.0);
            }
            tracks.add(track);
        }
        if (video.status() == VideoStatus.READY) {
            asset.put("tracks", tracks);
        }
        if (video.status() == VideoStatus.FAILED && video.errorReason() != null) {
            asset.put("errors", Map.of("type", "invalid_input", "messages", List.of(video.errorReason())));
        }
        return asset;
    }
}
