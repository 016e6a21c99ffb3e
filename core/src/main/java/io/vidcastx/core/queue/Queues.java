package io.vidcastx.core.queue;

/** The platform's queues (ARCHITECTURE.md). */
public final class Queues {

    /** Uploaded sources waiting for the transcode worker. */
    public static final QueueDefinition<TranscodeJobData> VIDEO_PROCESSING =
            new QueueDefinition<>("video-processing", TranscodeJobData.class);

    /** Transcription and dubbing for the AI worker. */
    public static final QueueDefinition<AIJobData> AI_JOBS = new QueueDefinition<>("ai-jobs", AIJobData.class);

    /** Webhook deliveries, retried on the Standard Webhooks schedule. */
    public static final QueueDefinition<WebhookJobData> WEBHOOKS = new QueueDefinition<>("webhooks", WebhookJobData.class);

    /** Videos to upload to YouTube (the publisher worker). */
    public static final QueueDefinition<PublishJobData> PUBLISH = new QueueDefinition<>("publish", PublishJobData.class);

    /** Closed billing periods' usage for Stripe's Billing Meters, retried through any Stripe outage. */
    public static final QueueDefinition<UsageReportJobData> USAGE_REPORTS =
            new QueueDefinition<>("usage-reports", UsageReportJobData.class);

    private Queues() {
    }
}
