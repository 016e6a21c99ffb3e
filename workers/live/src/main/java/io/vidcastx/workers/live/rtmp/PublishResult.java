package io.vidcastx.workers.live.rtmp;

/** What the server answers to a {@code publish}. */
public sealed interface PublishResult {

    /** Media flows into {@code sink}; {@code logName} identifies the session in log lines. */
    record Started(MediaSink sink, String logName) implements PublishResult {
    }

    /**
     * Refused with an {@code onStatus} error, after which the connection is closed.
     *
     * @param code        a NetStream status code, such as {@code NetStream.Publish.BadName}
     * @param description sent to the publisher (FFmpeg prints it as "Server error: ...")
     * @param reason      for the server's log only
     */
    record Refused(String code, String description, String reason) implements PublishResult {
    }
}
