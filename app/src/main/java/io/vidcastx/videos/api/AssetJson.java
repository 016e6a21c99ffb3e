package io.vidcastx.videos.api;

import java.util.List;
import java.util.Map;

import io.vidcastx.videos.PlaybackIdInfo;
import io.vidcastx.videos.VideoDetail;

/** A video as Mux's API shows an asset, in the one shape webhooks use too (core's {@code AssetPayload}). */
final class AssetJson {

    private AssetJson() {
    }

    static Map<String, Object> playbackId(PlaybackIdInfo info) {
        return Map.of("id", info.id(), "policy", info.policy());
    }

    static Map<String, Object> of(VideoDetail video, List<PlaybackIdInfo> playbackIds) {
        return video.asset(playbackIds).build();
    }

    /** The asset with its generated (dubbed) audio tracks after the ones it was made with. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withTracks(Map<String, Object> asset, List<Map<String, Object>> dubbed) {
        if (dubbed.isEmpty()) {
            return asset;
        }
        var out = new java.util.LinkedHashMap<>(asset);
        var tracks = new java.util.ArrayList<Map<String, Object>>();
        if (out.get("tracks") instanceof List<?> existing) {
            tracks.addAll((List<Map<String, Object>>) existing);
        }
        tracks.addAll(dubbed);
        out.put("tracks", tracks);
        return out;
    }
}
