package io.vidcastx.workers.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegException;
import io.vidcastx.core.media.MediaInfo;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.workers.transcode.TranscodeVideoRepository.StoredRendition;

/**
 * Turns one stored source into HLS renditions, a master playlist, a poster frame and an MP4, all
 * uploaded to storage. Bad input ends in {@link InputRejectedException} with a reason a person can
 * act on; anything else is a transient failure the queue retries.
 */
class VideoTranscoder {

    static final String THUMBNAIL_FILE = "thumbnail.jpg";
    static final String MP4_FILE = "highest.mp4";

    private final StorageService storage;
    private final MediaProbe probe;
    private final MediaProcessRunner runner;
    private final FfmpegBinaries binaries;
    private final TranscodeProperties settings;
    private final LadderPlanner planner;

    VideoTranscoder(StorageService storage, MediaProbe probe, MediaProcessRunner runner, FfmpegBinaries binaries,
                    TranscodeProperties settings) {
        this.storage = storage;
        this.probe = probe;
        this.runner = runner;
        this.binaries = binaries;
        this.settings = settings;
        this.planner = new LadderPlanner(settings);
    }

    /** The source's facts, known before the ladder runs. */
    interface Listener {
        void sourceProbed(MediaInfo media);

        void progress(int percent);
    }

    record Result(MediaInfo media, List<StoredRendition> renditions, String masterKey, long outputBytes) {
    }

    Result transcode(VideoId videoId, String sourceKey, Path workDir, Listener listener, BooleanSupplier cancelled) {
        try {
            Files.createDirectories(workDir);
            Path source = workDir.resolve("source");
            try {
                storage.downloadFile(sourceKey, source);
            } catch (StorageObjectNotFoundException e) {
                throw new InputRejectedException("The uploaded file is missing from storage; upload it again.");
            }
            listener.progress(3);
            MediaInfo media = inspect(source);
            listener.sourceProbed(media);
            TranscodePlan plan = planner.plan(media);

            Path out = Files.createDirectories(workDir.resolve("out"));
            Path hls = Files.createDirectories(out.resolve("hls"));
            if (media.hasVideo()) {
                thumbnail(source, media, out.resolve(THUMBNAIL_FILE), cancelled);
            }
            listener.progress(5);
            runLadder(source, media, plan, hls, listener, cancelled);
            List<MasterPlaylist.Variant> variants = measure(hls, plan, media);
            Files.writeString(hls.resolve("master.m3u8"), MasterPlaylist.write(variants));
            if (media.hasVideo()) {
                var top = plan.renditions().getFirst().name();
                run(FfmpegCommands.mp4FromHls(hls.resolve(top).resolve(FfmpegCommands.PLAYLIST).toString(),
                        plan.audio(), out.resolve(MP4_FILE).toString()), out, cancelled);
            }
            listener.progress(92);
            long outputBytes = upload(videoId, out, hls);
            listener.progress(99);
            return new Result(media, storedRenditions(videoId, plan, variants), StorageKeys.hlsMaster(videoId),
                    outputBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes whatever a failed or cancelled attempt left in storage. */
    void removeOutputs(VideoId videoId) {
        storage.deleteFolder(StorageKeys.hlsFolder(videoId));
        storage.deleteFolder(StorageKeys.thumbnailsFolder(videoId));
        storage.deleteFolder(StorageKeys.mp4Folder(videoId));
    }

    private MediaInfo inspect(Path source) throws IOException {
        long size = Files.size(source);
        if (size == 0) {
            throw new InputRejectedException("The uploaded file is empty (0 bytes).");
        }
        MediaInfo media;
        try {
            media = probe.probe(source);
        } catch (FfmpegException e) {
            throw new InputRejectedException(unreadable(e));
        }
        if (media.isPlaylist()) {
            throw new InputRejectedException("The file is a playlist (" + media.formatName()
                    + ") that names other files; upload the video file itself.");
        }
        if (!media.hasVideo() && !media.hasAudio()) {
            throw new InputRejectedException("The file has no video or audio track; upload a video file.");
        }
        if (media.isStillImage()) {
            throw new InputRejectedException("The file is a still image (" + media.video().orElseThrow().codec()
                    + "), not a video.");
        }
        if (media.video().isPresent()) {
            var video = media.video().get();
            if (video.width() <= 0 || video.height() <= 0) {
                throw new InputRejectedException("The video track has no picture size; the file is damaged.");
            }
            if (video.width() > settings.maxDimension() || video.height() > settings.maxDimension()) {
                throw new InputRejectedException(String.format(Locale.ROOT,
                        "The video is %dx%d pixels; the largest supported size is %d pixels on a side.",
                        video.width(), video.height(), settings.maxDimension()));
            }
        }
        if (media.durationSeconds() == null || media.durationSeconds() <= 0) {
            throw new InputRejectedException("The file has no duration that can be played; it is damaged or incomplete.");
        }
        return media;
    }

    private static String unreadable(FfmpegException e) {
        String detail = e.stderrTail().isEmpty() ? "" : e.stderrTail().getLast();
        if (e.stderrTail().stream().anyMatch(line -> line.contains("moov atom not found"))) {
            return "The file is incomplete or damaged (its MP4 index is missing), so it cannot be played. "
                    + "Upload the complete file.";
        }
        if (detail.contains("Invalid data found")) {
            return "The file is not a video or audio file that can be read. Upload a video such as MP4, MOV, MKV or WebM.";
        }
        return "The file could not be read as video or audio" + (detail.isEmpty() ? "." : ": " + shorten(detail));
    }

    private void thumbnail(Path source, MediaInfo media, Path output, BooleanSupplier cancelled) {
        double duration = media.durationSeconds() == null ? 0 : media.durationSeconds();
        double at = settings.thumbnailAt().toMillis() / 1000.0;
        double seconds = duration < 2 * at ? duration / 2 : at;
        run(FfmpegCommands.thumbnail(source.toString(), seconds, output.toString()), output.getParent(), cancelled);
    }

    private void runLadder(Path source, MediaInfo media, TranscodePlan plan, Path hls, Listener listener,
                           BooleanSupplier cancelled) throws IOException {
        var names = plan.isAudioOnly() ? List.of(TranscodePlan.AUDIO_ONLY_NAME)
                : plan.renditions().stream().map(PlannedRendition::name).toList();
        for (String name : names) {
            Files.createDirectories(hls.resolve(name));
        }
        IntConsumer percent = p -> listener.progress(5 + p * 85 / 100);
        var progress = new FfmpegProgress(media.durationSeconds(), percent);
        try {
            runner.run(binaries.ffmpeg(), FfmpegCommands.ladder(source.toString(), plan, settings), hls,
                    settings.timeout(), progress::accept, cancelled);
        } catch (io.vidcastx.core.media.FfmpegCancelledException | io.vidcastx.core.media.FfmpegTimeoutException e) {
            throw e;
        } catch (FfmpegException e) {
            // The probe accepted the file, so a failing encode means damaged content past its header.
            throw new InputRejectedException("The video could not be decoded; the file is damaged"
                    + (e.stderrTail().isEmpty() ? "." : ": " + shorten(e.stderrTail().getLast())));
        }
    }

    private List<MasterPlaylist.Variant> measure(Path hls, TranscodePlan plan, MediaInfo media) throws IOException {
        var variants = new ArrayList<MasterPlaylist.Variant>();
        if (plan.isAudioOnly()) {
            var bandwidth = bandwidth(hls.resolve(TranscodePlan.AUDIO_ONLY_NAME), media);
            variants.add(new MasterPlaylist.Variant(TranscodePlan.AUDIO_ONLY_NAME + "/" + FfmpegCommands.PLAYLIST,
                    bandwidth[0], bandwidth[1], TranscodePlan.AAC_LC, 0, 0, 0));
            return variants;
        }
        for (var rendition : plan.renditions()) {
            var bandwidth = bandwidth(hls.resolve(rendition.name()), media);
            String codecs = plan.audio() ? rendition.codecs() + "," + TranscodePlan.AAC_LC : rendition.codecs();
            variants.add(new MasterPlaylist.Variant(rendition.name() + "/" + FfmpegCommands.PLAYLIST, bandwidth[0],
                    bandwidth[1], codecs, rendition.width(), rendition.height(), plan.frameRate()));
        }
        return variants;
    }

    /** {peak, average} bits per second over the rendition's segments; checks nothing is missing. */
    private static long[] bandwidth(Path folder, MediaInfo media) throws IOException {
        var playlist = MediaPlaylist.parse(Files.readString(folder.resolve(FfmpegCommands.PLAYLIST)));
        if (!playlist.ended() || playlist.segments().isEmpty()) {
            throw new IllegalStateException("FFmpeg left an unfinished playlist in " + folder.getFileName());
        }
        double expected = media.durationSeconds();
        double produced = playlist.totalDuration();
        if (produced < expected * 0.9 - 1) {
            throw new InputRejectedException(String.format(Locale.ROOT,
                    "The file is truncated or damaged: only %.1f of its %.1f seconds could be decoded.",
                    produced, expected));
        }
        long peak = 0;
        long totalBits = 0;
        for (var segment : playlist.segments()) {
            long bits = Files.size(folder.resolve(segment.uri())) * 8;
            totalBits += bits;
            if (segment.duration() > 0.5) {
                peak = Math.max(peak, Math.round(bits / segment.duration()));
            }
        }
        long average = Math.round(totalBits / Math.max(produced, 0.001));
        return new long[] {Math.max(peak, average), average};
    }

    private List<StoredRendition> storedRenditions(VideoId videoId, TranscodePlan plan,
                                                   List<MasterPlaylist.Variant> variants) {
        var stored = new ArrayList<StoredRendition>();
        if (plan.isAudioOnly()) {
            var variant = variants.getFirst();
            stored.add(new StoredRendition(TranscodePlan.AUDIO_ONLY_NAME, "audio", 0, 0, variant.peakBandwidth(),
                    variant.averageBandwidth(), variant.codecs(), 0, StorageKeys.hlsFile(videoId, variant.uri())));
            return stored;
        }
        for (int i = 0; i < plan.renditions().size(); i++) {
            var rendition = plan.renditions().get(i);
            var variant = variants.get(i);
            stored.add(new StoredRendition(rendition.name(), "video", rendition.width(), rendition.height(),
                    variant.peakBandwidth(), variant.averageBandwidth(), variant.codecs(), plan.frameRate(),
                    StorageKeys.hlsFile(videoId, variant.uri())));
        }
        return stored;
    }

    /** @return the bytes uploaded */
    private long upload(VideoId videoId, Path out, Path hls) throws IOException {
        var uploads = new ArrayList<Runnable>();
        try (Stream<Path> files = Files.walk(hls)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String relative = hls.relativize(file).toString().replace('\\', '/');
                uploads.add(() -> storage.uploadFile(StorageKeys.hlsFile(videoId, relative), file, contentType(file)));
            });
        }
        Path thumbnail = out.resolve(THUMBNAIL_FILE);
        if (Files.exists(thumbnail)) {
            uploads.add(() -> storage.uploadFile(StorageKeys.thumbnailsFolder(videoId) + THUMBNAIL_FILE,
                    thumbnail, "image/jpeg"));
        }
        Path mp4 = out.resolve(MP4_FILE);
        if (Files.exists(mp4)) {
            uploads.add(() -> storage.uploadFile(StorageKeys.mp4Folder(videoId) + MP4_FILE, mp4, "video/mp4"));
        }
        long bytes;
        try (Stream<Path> files = Files.walk(out)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<?>>();
            for (var upload : uploads) {
                futures.add(pool.submit(upload));
            }
            for (var future : futures) {
                future.get();
            }
            return bytes;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.vidcastx.core.media.FfmpegCancelledException();
        }
    }

    private void run(List<String> arguments, Path workDir, BooleanSupplier cancelled) {
        runner.run(binaries.ffmpeg(), arguments, workDir, settings.timeout(), line -> { }, cancelled);
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (name.endsWith(".ts")) {
            return "video/mp2t";
        }
        return "application/octet-stream";
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
