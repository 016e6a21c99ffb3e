package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.ScratchDirectories;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.core.queue.StopWatch;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.videos.VideoStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code ai-jobs} TRANSCRIBE job: the video's sound to 16 kHz PCM (FFmpeg), to timed text
 * (Whisper), into the {@code transcripts} rows, the WebVTT file and the HLS subtitle rendition, and
 * a {@code video.asset.track.ready} event in the same transaction. Idempotent: a job delivered
 * again leaves the transcript it wrote alone (and so any edits made since), a job whose lease was
 * taken over commits nothing, and a person's edit or upload made after the job was queued wins.
 */
class TranscribeJobHandler implements JobHandler<AIJobData> {

    private static final Logger log = LoggerFactory.getLogger(TranscribeJobHandler.class);
    /** Progress: extraction up to here, Whisper up to {@link #TRANSCRIBED}, then storing. */
    private static final int EXTRACTED = 10;
    private static final int TRANSCRIBED = 95;

    private final SpeechRecognizer recognizer;
    private final AudioExtraction extraction;
    private final MpegTsClock clock;
    private final AiVideoRepository videos;
    private final TranscriptStore transcripts;
    private final StorageService storage;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final AiProperties settings;
    private final UsageMeter usage;

    TranscribeJobHandler(SpeechRecognizer recognizer, AudioExtraction extraction, MpegTsClock clock,
                         AiVideoRepository videos, TranscriptStore transcripts, StorageService storage,
                         EventRecorder events, TransactionTemplate transactions, AiProperties settings,
                         UsageMeter usage) {
        this.usage = usage;
        this.recognizer = recognizer;
        this.extraction = extraction;
        this.clock = clock;
        this.videos = videos;
        this.transcripts = transcripts;
        this.storage = storage;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void handle(AIJobData job, JobContext context) {
        var found = videos.find(job.videoId());
        if (found.isEmpty()) {
            log.info("Video {} was deleted before it was transcribed; nothing to do", job.videoId());
            return;
        }
        var video = found.get();
        if (video.status() != VideoStatus.READY) {
            throw new PermanentJobFailure("The video is " + video.status() + ", not ready; transcribe it once it is ready.");
        }
        if (Boolean.FALSE.equals(video.hasAudio())) {
            throw new PermanentJobFailure("The video has no audio track, so there is nothing to transcribe.");
        }
        recognizer.check(); // a missing model fails before anything is downloaded
        Path workDir = settings.scratchDir().resolve(context.jobId().toString());
        var progress = new Progress(context);
        var stop = new StopWatch(context, () -> !videos.exists(video.id()), Duration.ofSeconds(2));
        try {
            Files.createDirectories(workDir);
            Path source = download(video, workDir);
            Path pcm = workDir.resolve("audio.f32");
            extraction.extract(source, pcm, video.durationSeconds(), p -> progress.report(p * EXTRACTED / 100), stop);
            Files.delete(source);
            SpeechRecognizer.Transcription result;
            try (var audio = new PcmAudio(pcm)) {
                result = recognizer.transcribe(audio, job.language(), p -> progress.report(
                        EXTRACTED + p * (TRANSCRIBED - EXTRACTED) / 100), stop);
            }
            long offset = clock.firstTimestamp(video.id(), videos.renditionPlaylistKey(video.id()), workDir);
            var queuedAt = videos.queuedAt(context.jobId());
            transactions.executeWithoutResult(status -> {
                if (!context.confirmLease()) {
                    // Another worker runs this job now (or this one is stopping): it writes the result.
                    throw new SpeechRecognizer.TranscriptionCancelledException();
                }
                if (!videos.exists(video.id())) {
                    return; // deleted meanwhile: nothing to keep
                }
                var stored = transcripts.replaceFromJob(video.organizationId(), video.id(), result.language(),
                        result.model(), withinVideo(result.cues(), video.durationSeconds()), offset, context.jobId(),
                        queuedAt);
                if (stored.isEmpty()) {
                    log.info("Video {}'s '{}' transcript was written by this job already or changed by a person since "
                            + "the job was queued; left as it is", video.id(), result.language());
                    return;
                }
                transcripts.publish(stored.get());
                // AI minutes: the video's length, once per job (a redelivered job has the same id).
                usage.record(video.organizationId(), UsageMetric.AI_MINUTES, "transcribe:" + context.jobId(),
                        java.util.Objects.requireNonNullElse(video.durationSeconds(), 0.0) / 60.0);
                events.record(video.organizationId(), "video.asset.track.ready", "asset", video.id().toString(),
                        stored.get().muxTrack());
            });
            progress.report(100);
            log.info("Transcribed video {}: {} cues in '{}' with {}", video.id(), result.cues().size(), result.language(),
                    result.model());
        } catch (SpeechRecognizer.TranscriptionCancelledException | FfmpegCancelledException e) {
            if (videos.exists(video.id())) {
                throw e; // the worker is stopping: the job goes back to the queue
            }
            log.info("Video {} was deleted while it was being transcribed; stopped", video.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ScratchDirectories.deleteRecursively(workDir);
        }
    }

    Path download(AiVideoRepository.VideoToTranscribe video, Path workDir) {
        Path source = workDir.resolve("source");
        // The upload is kept for re-transcoding; the MP4 rendition has the same sound if it is gone.
        for (String key : new String[] {video.sourceKey(), StorageKeys.mp4Folder(video.id()) + "highest.mp4"}) {
            if (key == null) {
                continue;
            }
            try {
                storage.downloadFile(key, source);
                return source;
            } catch (StorageObjectNotFoundException e) {
                log.debug("{} is not in storage", key);
            }
        }
        throw new PermanentJobFailure("Neither the uploaded file nor the MP4 of this video is in storage any more, "
                + "so its sound cannot be read.");
    }

    /** The extracted sound can outlast the picture by a few milliseconds (AAC padding); captions cannot. */
    static List<Cue> withinVideo(List<Cue> cues, @Nullable Double durationSeconds) {
        if (durationSeconds == null) {
            return cues;
        }
        long endMs = Math.round(durationSeconds * 1000);
        return cues.stream().filter(cue -> cue.startMs() < endMs)
                .map(cue -> cue.endMs() <= endMs ? cue : new Cue(cue.startMs(), endMs, cue.text())).toList();
    }

    /** Reports each new percentage once. */
    private static final class Progress {
        private final JobContext context;
        private int last = -1;

        Progress(JobContext context) {
            this.context = context;
        }

        void report(int percent) {
            if (percent > last) {
                last = percent;
                context.reportProgress(percent);
            }
        }
    }
}
