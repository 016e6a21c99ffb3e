package io.vidcastx.webhooks;

import java.util.List;

/** The event types an endpoint can subscribe to, in the order the event selector shows them. */
public final class WebhookEventTypes {

    public static final List<String> ALL = List.of(
            "video.asset.created",
            "video.asset.ready",
            "video.asset.errored",
            "video.asset.updated",
            "video.asset.deleted",
            "video.asset.track.ready",
            "video.upload.created",
            "video.upload.asset_created",
            "video.upload.errored",
            "video.upload.cancelled",
            "video.live_stream.created",
            "video.live_stream.connected",
            "video.live_stream.recording",
            "video.live_stream.active",
            "video.live_stream.disconnected",
            "video.live_stream.idle",
            "video.live_stream.deleted",
            "video.asset.live_stream_completed",
            "organization.usage.threshold");

    /** Sent by "Send test event" whatever the endpoint subscribes to. */
    public static final String TEST = "webhook.test";

    private WebhookEventTypes() {
    }
}
