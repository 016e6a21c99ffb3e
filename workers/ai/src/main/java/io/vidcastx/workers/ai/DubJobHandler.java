package io.vidcastx.workers.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.dubbing.AudioTrack;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.HlsAudio;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegCancelledException;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.media.ScratchDirectories;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.core.queue.StopWatch;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.usage.UsageMetric;
import io.vidcastx.core.videos.VideoStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code ai-jobs} DUB job (one per video and target language): the transcript (made first
 * when there is none) translated, spoken, fitted to its cues and packaged as an AAC HLS rendition
 * cut like the video's segments, plus translated subtitles; then, in one transaction, the track
 * points at the new rendition, the master playlist gains it, and {@code video.asset.track.ready}
 * is recorded. A re-dub writes a new folder and swaps, so players never see half a track.
 * Idempotent: the folder is named after the job, so a repeated delivery rewrites the same files.
 * Cancelled by removing the track (or the video). Any failure leaves the video as it was, with
 * the reason on the track.
 */
class DubJobHandler {

    private static final Logger log = LoggerFactory.getLogger(DubJobHandler.class);
    private static final int TRANSCRIBED = 20;
    private static final int TRANSLATED = 25;
    private static final int SPOKEN = 80;

    private final TranscribeJobHandler transcriber;
    private final LocalDubber local;
    private final ElevenLabsDubber elevenLabs;
    private final MpegTsClock clock;
    private final AiVideoRepository videos;
    private final TranscriptStore transcripts;
    private final AudioTrackStore tracks;
    private final StorageService storage;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final FfmpegBinaries binaries;
    private final MediaProcessRunner runner;
    private final AiProperties settings;
    private final UsageMeter usage;

    DubJobHandler(TranscribeJobHandler transcriber, LocalDubber local, MpegTsClock clock, AiVideoRepository videos,
                  TranscriptStore transcripts, AudioTrackStore tracks, StorageService storage, EventRecorder events,
                  TransactionTemplate transactions, FfmpegBinaries binaries, MediaProcessRunner runner,
                  AiProperties settings, ElevenLabsDubber elevenLabs, UsageMeter usage) {
        this.transcriber = transcriber;
        this.local = local;
        this.elevenLabs = elevenLabs;
        this.clock = clock;
        this.videos = videos;
        this.transcripts = transcripts;
        this.tracks = tracks;
        this.storage = storage;
        this.events = events;
        this.transactions = transactions;
        this.binaries = binaries;
        this.runner = runner;
        this.settings = settings;
        this.usage = usage;
    }

    io.vidcastx.core.dubbing.LocalDubbingTools tools() {
        return local.tools();
    }

    void handle(AIJobData job, JobContext context) {
        var found = videos.find(job.videoId());
        if (found.isEmpty() || job.language() == null) {
            log.info("Video {} was deleted before it was dubbed; nothing to do", job.videoId());
            return;
        }
        var video = found.get();
        var asked = tracks.find(video.organizationId(), video.id(), job.language());
        if (asked.isEmpty()) {
            log.info("The '{}' dub of video {} was removed before it ran; nothing to do", job.language(), video.id());
            return;
        }
        var track = asked.get();
        try {
            dub(video, track, context);
        } catch (PermanentJobFailure e) {
            tracks.failed(video.organizationId(), track.id(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (context.attempt() >= context.maxAttempts() && !(e instanceof FfmpegCancelledException)) {
                tracks.failed(video.organizationId(), track.id(), "Dubbing failed: " + e.getMessage());
            }
            throw e;
        }
    }

    private void dub(AiVideoRepository.VideoToTranscribe video, AudioTrack track, JobContext context) {
        if (video.status() != VideoStatus.READY) {
            throw new PermanentJobFailure("The video is " + video.status() + ", not ready; dub it once it is ready.");
        }
        Path workDir = settings.scratchDir().resolve(context.jobId() + "-dub");
        var progress = new Progress(context, percent -> tracks.progress(video.organizationId(), track.id(), percent));
        var stop = new StopWatch(context, () -> !videos.exists(video.id())
                || tracks.find(video.organizationId(), track.id()).isEmpty(), Duration.ofSeconds(2));
        String folder = "dub" + context.jobId().toString().replace("-", "").substring(0, 8);
        boolean published = false;
        try {
            Files.createDirectories(workDir);
            String videoPlaylistKey = videos.renditionPlaylistKey(video.id()).orElseThrow(() ->
                    new PermanentJobFailure("The video has no HLS rendition to line the dubbed audio up with."));
            var segments = HlsAudio.segmentDurations(text(videoPlaylistKey));
            long offsetTicks = clock.firstTimestamp(video.id(), Optional.of(videoPlaylistKey), workDir);
            long pictureTicks = clock.firstVideoTimestamp(video.id(), Optional.of(videoPlaylistKey), workDir);
            double offset = offsetTicks / 90_000.0;
            double pictureDelay = Math.max(0, pictureTicks - offsetTicks) / 90_000.0;
            Path out = Files.createDirectories(workDir.resolve(folder));
            Path segmentPattern = out.resolve("segment_%03d.ts");
            var spoken = track.provider() == DubbingProvider.ELEVENLABS
                    ? elevenLabs(video, track, workDir, progress, stop, offset, pictureDelay, segments, segmentPattern)
                    : local(video, track, context, workDir, progress, stop, offset, pictureDelay, segments, segmentPattern);
            progress.report(SPOKEN + 10);
            int written = upload(video, folder, out, segments, workDir, stop);
            published = true; // from here a failure must clean the new folder up
            var replaced = transactions.execute(status -> {
                if (!context.confirmLease()) {
                    throw new FfmpegCancelledException();
                }
                if (tracks.find(video.organizationId(), track.id()).isEmpty()) {
                    return Optional.<String>of(folder); // removed meanwhile: drop what was made
                }
                if (spoken.subtitles() != null && spoken.original() != null) {
                    storeSubtitles(video, spoken.original(), spoken.subtitles(), track);
                }
                var old = tracks.ready(track, folder, context.jobId(), spoken.note());
                // AI minutes: the dubbed length, once per job (a redelivered job has the same id).
                usage.record(video.organizationId(), UsageMetric.AI_MINUTES, "dub:" + context.jobId(),
                        segments.stream().mapToDouble(Double::doubleValue).sum() / 60.0);
                events.record(video.organizationId(), "video.asset.track.ready", "asset", video.id().toString(),
                        tracks.find(video.organizationId(), track.id()).orElseThrow().muxTrack());
                return old;
            });
            if (replaced != null) {
                replaced.ifPresent(old -> storage.deleteFolder(StorageKeys.hlsFolder(video.id()) + old + "/"));
            }
            progress.report(100);
            log.info("Dubbed video {} into '{}' with {}: {} segments", video.id(), track.language(),
                    track.provider().db(), written);
        } catch (FfmpegCancelledException | SpeechRecognizer.TranscriptionCancelledException e) {
            if (published) {
                storage.deleteFolder(StorageKeys.hlsFolder(video.id()) + folder + "/");
            }
            if (videos.exists(video.id()) && tracks.find(video.organizationId(), track.id()).isPresent()) {
                throw e; // the worker is stopping: the job goes back to the queue
            }
            log.info("The '{}' dub of video {} was removed while it ran; stopped", track.language(), video.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ScratchDirectories.deleteRecursively(workDir);
        }
    }

    /**
     * What a provider made besides the segments: the subtitles to store (null for none), the
     * transcript they translate, and a note for the video page.
     */
    private record Spoken(@Nullable StoredTranscript original, @Nullable List<Cue> subtitles, @Nullable String note) {
    }

    /** apertium + espeak-ng: the transcript (made first when missing) translated, spoken and packaged. */
    private Spoken local(AiVideoRepository.VideoToTranscribe video, AudioTrack track, JobContext context, Path workDir,
                         Progress progress, StopWatch stop, double offset, double pictureDelay, List<Double> segments,
                         Path segmentPattern) {
        var original = originalTranscript(video, context);
        var cues = transcripts.cues(video.organizationId(), original.id());
        if (cues.stream().allMatch(cue -> cue.text().isBlank())) {
            throw new PermanentJobFailure("The transcript is empty, so there is nothing to dub. Edit the transcript "
                    + "(or transcribe the video again), then dub.");
        }
        if (original.language().equals(track.language())) {
            throw new PermanentJobFailure("The video is already in '" + track.language() + "'.");
        }
        progress.report(TRANSCRIBED);
        List<Cue> translated = local.translate(cues, original.language(), track.language());
        progress.report(TRANSLATED);
        long durationMs = Math.round((video.durationSeconds() != null ? video.durationSeconds()
                : cues.getLast().endMs() / 1000.0) * 1000);
        Path speech = workDir.resolve("speech.s16");
        try (var timeline = new SpeechTimeline(speech, LocalDubber.SAMPLE_RATE, durationMs)) {
            local.speak(translated, track.voice() != null ? track.voice() : track.language(), timeline, workDir,
                    p -> progress.report(TRANSLATED + p * (SPOKEN - TRANSLATED) / 100), stop);
        }
        Path background = track.keepBackground() && !Boolean.FALSE.equals(video.hasAudio())
                ? transcriber.download(video, workDir) : null;
        runner.run(binaries.ffmpeg(), DubPackaging.rendition(speech, LocalDubber.SAMPLE_RATE, background, offset,
                pictureDelay, durationMs / 1000.0, segments, segmentPattern), workDir, settings.timeout(), line -> { }, stop);
        return new Spoken(original, translated, null);
    }

    /**
     * ElevenLabs dubs the video's sound; the subtitles are apertium's translation of the transcript
     * when there is one and a pair for it, and the note says why when there are none.
     */
    private Spoken elevenLabs(AiVideoRepository.VideoToTranscribe video, AudioTrack track, Path workDir,
                              Progress progress, StopWatch stop, double offset, double pictureDelay,
                              List<Double> segments, Path segmentPattern) {
        if (Boolean.FALSE.equals(video.hasAudio())) {
            throw new PermanentJobFailure("The video has no sound, so there is nothing for ElevenLabs to dub.");
        }
        var original = spoken(video);
        if (original.isPresent() && original.get().language().equals(track.language())) {
            throw new PermanentJobFailure("The video is already in '" + track.language() + "'.");
        }
        Path source = transcriber.download(video, workDir);
        Path dubbed = elevenLabs.dub(video.organizationId(), source, original.map(StoredTranscript::language).orElse("auto"),
                track.language(), track.keepBackground(), workDir, p -> progress.report(p * SPOKEN / 100), stop);
        double duration = video.durationSeconds() != null ? video.durationSeconds()
                : segments.stream().mapToDouble(Double::doubleValue).sum();
        runner.run(binaries.ffmpeg(), DubPackaging.rendition(dubbed, offset, pictureDelay, duration, segments,
                segmentPattern), workDir, settings.timeout(), line -> { }, stop);
        if (original.isEmpty()) {
            return new Spoken(null, null, "No translated subtitles: the video has no transcript to translate. "
                    + "Transcribe it, then dub again to get them.");
        }
        if (local.tools().route(original.get().language(), track.language()).isEmpty()) {
            return new Spoken(null, null, "No translated subtitles: ElevenLabs returns sound only, and no installed "
                    + "apertium pair translates '" + original.get().language() + "' into '" + track.language() + "'. "
                    + local.tools().advice(track.language()));
        }
        var cues = transcripts.cues(video.organizationId(), original.get().id());
        return new Spoken(original.get(), local.translate(cues, original.get().language(), track.language()), null);
    }

    /** The spoken-language transcript; made now (as a transcription job would) when there is none. */
    private StoredTranscript originalTranscript(AiVideoRepository.VideoToTranscribe video, JobContext context) {
        var existing = spoken(video);
        if (existing.isPresent()) {
            return existing.get();
        }
        log.info("Video {} has no transcript yet; transcribing it before dubbing", video.id());
        transcriber.handle(new AIJobData(video.id(), AIJobType.TRANSCRIBE, null), new ScaledContext(context, TRANSCRIBED));
        return spoken(video).orElseThrow(() -> new PermanentJobFailure(
                "The video could not be transcribed, so there is nothing to dub."));
    }

    private Optional<StoredTranscript> spoken(AiVideoRepository.VideoToTranscribe video) {
        return transcripts.forVideo(video.organizationId(), video.id()).stream()
                .filter(t -> !t.source().equals("translation")).findFirst();
    }

    /** The translation as the language's subtitles, unless a person or Whisper made that language's. */
    private void storeSubtitles(AiVideoRepository.VideoToTranscribe video, StoredTranscript original, List<Cue> translated,
                                AudioTrack track) {
        boolean ownTranscript = transcripts.forVideo(video.organizationId(), video.id()).stream()
                .anyMatch(t -> t.language().equals(track.language()) && !t.source().equals("translation"));
        if (ownTranscript) {
            return;
        }
        var stored = transcripts.replace(video.organizationId(), video.id(), track.language(),
                "apertium " + String.join(" + ", local.tools().route(original.language(), track.language())),
                "translation", translated, original.mpegtsOffset());
        transcripts.publish(stored);
    }

    private int upload(AiVideoRepository.VideoToTranscribe video, String folder, Path out, List<Double> segments,
                       Path workDir, StopWatch stop) throws IOException {
        int count;
        try (var files = Files.list(out)) {
            var names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ts")).sorted().toList();
            for (String name : names) {
                storage.uploadFile(StorageKeys.hlsFile(video.id(), folder + "/" + name), out.resolve(name), "video/mp2t");
            }
            count = names.size();
            Path m4a = workDir.resolve(HlsAudio.DOWNLOAD);
            runner.run(binaries.ffmpeg(), DubPackaging.download(names.stream().map(out::resolve).toList(), m4a), workDir,
                    settings.timeout(), line -> { }, stop);
            storage.uploadFile(StorageKeys.hlsFile(video.id(), folder + "/" + HlsAudio.DOWNLOAD), m4a, "audio/mp4");
        }
        // The playlist lists the video's segment durations: the cuts are the video's, to within an AAC frame.
        var durations = segments.subList(0, Math.min(count, segments.size()));
        storage.uploadFile(StorageKeys.hlsFile(video.id(), HlsAudio.playlistPath(folder)),
                HlsAudio.mediaPlaylist(durations).getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");
        return count;
    }

    private String text(String key) {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports each new percentage once, to the job and to the track row the video page shows. */
    private static final class Progress {
        private final JobContext context;
        private final java.util.function.IntConsumer track;
        private int last = -1;

        Progress(JobContext context, java.util.function.IntConsumer track) {
            this.context = context;
            this.track = track;
        }

        void report(int percent) {
            if (percent > last) {
                last = percent;
                context.reportProgress(percent);
                track.accept(percent);
            }
        }
    }

    /** The job's context with a transcription's 0-100 shown as 0-{@code upTo} of the dub. */
    private record ScaledContext(JobContext inner, int upTo) implements JobContext {
        @Override
        public io.vidcastx.db.ids.JobId jobId() {
            return inner.jobId();
        }

        @Override
        public int attempt() {
            return inner.attempt();
        }

        @Override
        public int maxAttempts() {
            return inner.maxAttempts();
        }

        @Override
        public void reportProgress(int percent) {
            inner.reportProgress(percent * upTo / 100);
        }

        @Override
        public boolean isCancelled() {
            return inner.isCancelled();
        }

        @Override
        public boolean confirmLease() {
            return inner.confirmLease();
        }
    }
}
