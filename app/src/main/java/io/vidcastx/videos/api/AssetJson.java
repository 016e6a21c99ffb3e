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
}
