package io.vidcastx.videos;

/** A playback ID and its policy ("public" or "signed"). */
public record PlaybackIdInfo(String id, String policy) {
}
