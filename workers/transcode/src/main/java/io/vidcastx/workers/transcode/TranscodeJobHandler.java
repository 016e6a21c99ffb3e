package io.vidcastx.workers.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.MediaInfo;
import io.vidcastx.core.media.ScratchDirectories;
import io.vidcastx.core.media.PictureSize;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.StopWatch;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.core.videos.AssetPayload;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.core.videos.VideoStatusMessage;
import io.vidcastx.core.videos.VideoStatusPublisher;
import io.vidcastx.workers.transcode.TranscodeVideoRepository.VideoToTranscode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code video-processing} job: transcode, then record the outcome and its event in one
 * transaction. Idempotent: a ready video is left alone, a deleted one is skipped, and a retried
 * attempt starts from a clean slate.
 */
class TranscodeJobHandler implements JobHandler<TranscodeJobData> {

    private static final Logger log = LoggerFactory.getLogger(TranscodeJobHandler.class);
    /** How often, at most, the video row is asked whether it still exists. */
    private static final Duration DELETION_CHECK = Duration.ofSeconds(2);

    private final VideoTranscoder transcoder;
    private final TranscodeVideoRepository videos;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final TranscodeProperties settings;
    private final VideoStatusPublisher progressPublisher;
    private final JobQueue queue;
    private final MeterRegistry meters;
    private final UsageMeter usage;

    TranscodeJobHandler(VideoTranscoder transcoder, TranscodeVideoRepository videos, EventRecorder events,
                        TransactionTemplate transactions, TranscodeProperties settings,
                        VideoStatusPublisher progressPublisher, JobQueue queue, MeterRegistry meters,
                        UsageMeter usage) {
        this.meters = meters;
        this.usage = usage;
        this.transcoder = transcoder;
        this.videos = videos;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.progressPublisher = progressPublisher;
        this.queue = queue;
    }

    /** {@code vidcastx.transcode{outcome}}: the seconds FFmpeg work takes per video, finished or not. */
    private <R> R timed(java.util.function.Supplier<R> transcode) {
        var sample = Timer.start(meters);
        String outcome = "error";
        try {
            R result = transcode.get();
            outcome = "transcoded";
            return result;
        } catch (FfmpegCancelledException e) {
            outcome = "cancelled";
            throw e;
        } catch (PermanentJobFailure e) {
            outcome = "rejected";
            throw e;
        } finally {
            sample.stop(Timer.builder("vidcastx.transcode").description("Time spent transcoding one video")
                    .tag("outcome", outcome).register(meters));
        }
    }

    @Override
    public void handle(TranscodeJobData job, JobContext context) {
        var found = videos.find(job.videoId());
        if (found.isEmpty()) {
            log.info("Video {} was deleted before it was transcoded; nothing to do", job.videoId());
            return;
        }
        var video = found.get();
        if (video.status() == VideoStatus.READY) {
            return; // a repeated delivery of a job that already succeeded
        }
        Path workDir = settings.scratchDir().resolve(context.jobId().toString());
        // Stops FFmpeg when the video is deleted or the job is taken from this worker.
        var cancelled = new StopWatch(context, () -> !videos.exists(video.id()), DELETION_CHECK);
        try {
            var result = timed(() -> transcoder.transcode(video.id(), job.sourceKey(), workDir, listener(video, context),
                    cancelled));
            boolean stillThere = Boolean.TRUE.equals(transactions.execute(status -> {
                if (!videos.markReady(video.id(), video.organizationId(), result.renditions(), result.outputBytes())) {
                    return false;
                }
                // Keyed by the video: a second delivery of this job (or a race of two) meters nothing more.
                usage.record(video.organizationId(), UsageMetric.ENCODING_MINUTES, "transcode:" + video.id(),
                        UsageMeter.encodingMinutes(java.util.Objects.requireNonNullElse(result.media().durationSeconds(), 0.0),
                                result.renditions().stream().map(TranscodeVideoRepository.StoredRendition::height).toList()));
                events.record(video.organizationId(), "video.asset.ready", "asset", video.id().toString(),
                        assetData(video, VideoStatus.READY, result.media(), result.renditions(), null));
                if (settings.transcribeWhenReady() && result.media().hasAudio()) {
                    queue.enqueue(Queues.AI_JOBS, new AIJobData(video.id(), AIJobType.TRANSCRIBE, null));
                }
                return true;
            }));
            if (!stillThere) {
                transcoder.removeOutputs(video.id());
            } else {
                progressPublisher.publish(message(video, VideoStatus.READY, 100));
            }
        } catch (FfmpegCancelledException e) {
            transcoder.removeOutputs(video.id());
            if (videos.exists(video.id())) {
                throw e; // the worker is stopping: the job goes back to the queue
            }
            log.info("Video {} was deleted while it was being transcoded; stopped", video.id());
        } catch (PermanentJobFailure e) {
            fail(video, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            transcoder.removeOutputs(video.id());
            if (context.attempt() >= context.maxAttempts()) {
                fail(video, "Transcoding failed " + context.attempt() + " times; the last error was: " + e.getMessage());
            }
            throw e;
        } finally {
            ScratchDirectories.deleteRecursively(workDir);
        }
    }

    private VideoTranscoder.Listener listener(VideoToTranscode video, JobContext context) {
        return new VideoTranscoder.Listener() {
            private int last = -1;

            @Override
            public void sourceProbed(MediaInfo media) {
                var picture = media.video();
                videos.updateSourceFacts(video.id(), media.durationSeconds(),
                        picture.map(MediaInfo.VideoStream::width).orElse(null),
                        picture.map(MediaInfo.VideoStream::height).orElse(null),
                        picture.map(p -> PictureSize.aspectRatio(p.width(), p.height())).orElse(null),
                        picture.map(MediaInfo.VideoStream::frameRate).orElse(null),
                        media.hasAudio(), media.sizeBytes());
            }

            @Override
            public void progress(int percent) {
                if (percent == last) {
                    return;
                }
                last = percent;
                context.reportProgress(percent);
                videos.updateProgress(video.id(), percent);
                progressPublisher.publish(message(video, VideoStatus.PROCESSING, percent));
            }
        };
    }

    private void fail(VideoToTranscode video, String reason) {
        transcoder.removeOutputs(video.id());
        transactions.executeWithoutResult(status -> {
            if (videos.markFailed(video.id(), reason)) {
                events.record(video.organizationId(), "video.asset.errored", "asset", video.id().toString(),
                        assetData(video, VideoStatus.FAILED, null, List.of(), reason));
            }
        });
        progressPublisher.publish(message(video, VideoStatus.FAILED, 0));
    }

    private static VideoStatusMessage message(VideoToTranscode video, VideoStatus status, int percent) {
        return new VideoStatusMessage(video.organizationId(), video.id(), status, percent);
    }

    /** The asset in Mux's shape, as webhook payloads carry it. */
    static Map<String, Object> assetData(VideoToTranscode video, VideoStatus status, MediaInfo media,
                                         List<TranscodeVideoRepository.StoredRendition> renditions, String error) {
        var asset = AssetPayload.of(video.id(), status).createdAt(video.createdAt())
                .playbackIds(List.of(new AssetPayload.PlaybackId(video.playbackId(), video.playbackPolicy())))
                .error(error);
        if (media != null) {
            asset.duration(media.durationSeconds());
            media.video().ifPresent(picture -> asset.picture(picture.width(), picture.height(), picture.frameRate()));
            media.audio().ifPresent(sound -> asset.audio(sound.channels()));
            asset.renditions(renditions.stream().map(r -> new AssetPayload.Rendition(r.name(), r.peakBandwidth())).toList());
        }
        return asset.build();
    }
}
