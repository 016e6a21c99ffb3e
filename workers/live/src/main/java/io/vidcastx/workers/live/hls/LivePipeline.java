package io.vidcastx.workers.live.hls;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live session's FFmpeg: FLV tags go into a byte-bounded queue that a writer thread feeds to
 * FFmpeg's stdin. FFmpeg starts once the first tags show what the source carries (it needs to know
 * whether to copy or encode); until then the tags wait in the same queue. When FFmpeg cannot keep
 * up, the queue fills and {@link #offer} throws instead of growing.
 */
public final class LivePipeline {

    private static final Logger log = LoggerFactory.getLogger(LivePipeline.class);
    private static final int STDERR_LINES = 20;
    /** Media time after which FFmpeg starts even if a stream announced in the metadata never came. */
    private static final long PROBE_MILLIS = 3000;

    private final LiveHlsSettings settings;
    private final FfmpegLauncher launcher;
    private final Path directory;
    private final long maxQueuedBytes;
    private final Duration stopTimeout;
    private final String logName;
    private final Consumer<String> onFailure;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private long queuedBytes;
    private boolean inputEnded;

    // probe state, touched only by the publisher's thread
    private boolean sawVideo;
    private boolean sawAudio;
    private boolean h264;
    private boolean aac;
    private int height;
    private int videoKbps;
    private @Nullable Boolean metadataVideo;
    private @Nullable Boolean metadataAudio;
    private long firstTimestamp = -1;

    private volatile @Nullable Process process;
    private volatile @Nullable SourceInfo source;
    private volatile boolean stopping;
    private @Nullable Thread writer;

    /**
     * @param onFailure called (once, from another thread) if FFmpeg stops while the stream is still
     *                  coming, with a reason for the publisher's log
     */
    public LivePipeline(LiveHlsSettings settings, FfmpegLauncher launcher, Path directory, long maxQueuedBytes,
                        Duration stopTimeout, String logName, Consumer<String> onFailure) {
        this.settings = settings;
        this.launcher = launcher;
        this.directory = directory;
        this.maxQueuedBytes = maxQueuedBytes;
        this.stopTimeout = stopTimeout;
        this.logName = logName;
        this.onFailure = onFailure;
    }

    /** FFmpeg's process id while it runs (tests stop and kill it to play a stalled or crashed FFmpeg). */
    Optional<Long> pid() {
        Process running = process;
        return running == null ? Optional.empty() : Optional.of(running.pid());
    }

    /** What FFmpeg was started for, once it has been. */
    public Optional<SourceInfo> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The encoder's {@code onMetaData}: which streams to expect and the picture height.
     *
     * @param tag the script tag to pass on to FFmpeg
     */
    public void metadata(@Nullable Boolean hasVideo, @Nullable Boolean hasAudio, int height, int videoKbps,
                         long timestamp, byte[] body) {
        this.metadataVideo = hasVideo;
        this.metadataAudio = hasAudio;
        this.height = Math.max(0, height);
        this.videoKbps = Math.max(0, videoKbps);
        offer(FlvTags.SCRIPT, timestamp, body);
    }

    /**
     * Queues one audio, video or script tag body.
     *
     * @throws PipelineFullException when FFmpeg has fallen too far behind
     * @throws java.io.UncheckedIOException when FFmpeg cannot be started
     */
    public void offer(int type, long timestamp, byte[] body) {
        if (type == FlvTags.VIDEO && !sawVideo) {
            sawVideo = true;
            h264 = FlvTags.isH264(body);
        } else if (type == FlvTags.AUDIO && !sawAudio) {
            sawAudio = true;
            aac = FlvTags.isAac(body);
        }
        if (type != FlvTags.SCRIPT && firstTimestamp < 0) {
            firstTimestamp = timestamp;
        }
        enqueue(FlvTags.tag(type, timestamp, body));
        if (source == null && readyToStart(timestamp)) {
            start();
        }
    }

    private boolean readyToStart(long timestamp) {
        boolean videoKnown = sawVideo || Boolean.FALSE.equals(metadataVideo);
        boolean audioKnown = sawAudio || Boolean.FALSE.equals(metadataAudio);
        boolean waitedLongEnough = firstTimestamp >= 0 && timestamp - firstTimestamp >= PROBE_MILLIS;
        boolean bufferHalfFull;
        lock.lock();
        try {
            bufferHalfFull = queuedBytes > maxQueuedBytes / 2;
        } finally {
            lock.unlock();
        }
        return (sawVideo || sawAudio) && ((videoKnown && audioKnown) || waitedLongEnough || bufferHalfFull);
    }

    private void enqueue(byte[] tag) {
        lock.lock();
        try {
            if (inputEnded) {
                return;
            }
            if (queuedBytes + tag.length > maxQueuedBytes) {
                throw new PipelineFullException(maxQueuedBytes);
            }
            queue.addLast(tag);
            queuedBytes += tag.length;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void start() {
        var info = new SourceInfo(sawVideo, h264, sawAudio, aac, height, videoKbps);
        List<String> arguments = LiveHlsCommand.arguments(info, settings);
        Process started;
        try {
            for (String rung : LiveHlsCommand.rungNames(info, settings)) {
                Files.createDirectories(directory.resolve(rung));
            }
            started = launcher.start(arguments, directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not start FFmpeg for live session " + logName, e);
        }
        source = info;
        process = started;
        log.info("Live session {}: FFmpeg started ({} rungs: {}, {})", logName,
                LiveHlsCommand.rungNames(info, settings).size(), String.join(", ", LiveHlsCommand.rungNames(info, settings)),
                info.copyable() ? "source copied" : "source encoded");
        Thread.ofVirtual().name("live-ffmpeg-stderr-" + logName).start(() -> drainStderr(started));
        writer = Thread.ofVirtual().name("live-ffmpeg-in-" + logName).start(() -> feed(started, FlvTags.header(sawAudio, sawVideo)));
        started.onExit().thenAccept(exited -> {
            if (!stopping) {
                onFailure.accept("FFmpeg stopped with exit code " + exited.exitValue() + lastError());
            }
        });
    }

    private void feed(Process target, byte[] header) {
        try (OutputStream stdin = new BufferedOutputStream(target.getOutputStream(), 64 * 1024)) {
            stdin.write(header);
            while (true) {
                byte[] tag;
                lock.lock();
                try {
                    while (queue.isEmpty() && !inputEnded) {
                        stdin.flush(); // only when idle, so that writes coalesce under load
                        changed.await();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    tag = queue.removeFirst();
                    queuedBytes -= tag.length;
                } finally {
                    lock.unlock();
                }
                stdin.write(tag);
            }
        } catch (IOException e) {
            log.debug("Live session {}: FFmpeg's stdin closed: {}", logName, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the input (FFmpeg finishes the playlists with an end tag and closes the recording) and
     * waits for FFmpeg, killing it after the stop timeout.
     */
    public PipelineResult finish() {
        stopping = true;
        lock.lock();
        try {
            inputEnded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Process running = process;
        if (running == null) {
            return new PipelineResult(false, -1, Optional.empty(), List.of());
        }
        int exitCode = -1;
        try {
            if (running.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = running.exitValue();
            } else {
                log.warn("Live session {}: FFmpeg did not finish within {} ms; killing it", logName, stopTimeout.toMillis());
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        if (exitCode != 0) {
            log.warn("Live session {}: FFmpeg ended with exit code {}{}", logName, exitCode, lastError());
        }
        SourceInfo info = source;
        Path recording = info == null ? null : directory.resolve(LiveHlsCommand.recordingFile(info));
        return new PipelineResult(true, exitCode,
                Optional.ofNullable(recording).filter(Files::isRegularFile), stderrLines());
    }

    /** Stops FFmpeg at once (the node is shutting down or the session failed). */
    public void kill() {
        stopping = true;
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
            try {
                running.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            inputEnded = true;
            queue.clear();
            queuedBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void drainStderr(Process target) {
        try (var reader = new BufferedReader(new InputStreamReader(target.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (stderrTail) {
                    stderrTail.addLast(line.strip());
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("Live session {}: FFmpeg's stderr closed: {}", logName, e.toString());
        }
    }

    private List<String> stderrLines() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    private String lastError() {
        List<String> lines = stderrLines();
        return lines.isEmpty() ? "" : ": " + lines.getLast();
    }
}
