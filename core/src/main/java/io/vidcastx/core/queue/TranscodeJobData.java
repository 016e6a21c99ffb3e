package io.vidcastx.core.queue;

import io.vidcastx.db.ids.VideoId;

/** Transcode the source stored at {@code sourceKey} into the video's HLS ladder. */
public record TranscodeJobData(VideoId videoId, String sourceKey) {
}
