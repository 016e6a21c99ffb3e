package io.vidcastx.workers.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.hls.LiveHlsCommand;
import io.vidcastx.workers.live.hls.LiveHlsSettings;
import io.vidcastx.workers.live.hls.SourceInfo;
import org.springframework.util.unit.DataSize;

/**
 * Glass-to-glass latency of live HLS (bench/live/latency.sh). The publisher stamps each frame with the
 * wall clock when it is made: {@code setpts} sets the frame time from {@code RTCTIME}, and {@code geq}
 * draws that time (10 ms units, 24 bits) as black and white blocks across the top of the picture, which
 * survive H.264 intact where burned-in digits would need OCR. The ingest copies the H.264 (pass-through),
 * so the blocks reach the HLS segments. A watcher polls the live playlist every 10 ms; when a segment is
 * listed, its first frame is decoded and its stamp read. {@code listed - stamp} is what a player sees at
 * best (it starts the newest segment at once); hls.js by default holds three target durations back from
 * the live edge, which adds two more segments. Measured for the Vidcastx ingest node and for bare
 * FFmpeg receiving the same RTMP itself with the same HLS arguments, in one run.
 */
public final class LiveLatencyBenchmark {

    private static final String KEY = "latency-key-0001";
    private static final int BIT_WIDTH = 16;
    private static final int BITS = 24;
    private static final int SEGMENT_SECONDS = 2;

    record Sample(long listedMillis, long stampMillis, double segmentSeconds) {
        long firstFrame() {
            return listedMillis - stampMillis;
        }

        double lastFrame() {
            return listedMillis - stampMillis - segmentSeconds * 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 40);
        var binaries = new FfmpegBinaries(new FfmpegProperties(null, null));
        var launcher = new FfmpegLauncher(binaries::ffmpeg);
        Path dir = Files.createTempDirectory("live-latency-");
        long epochMillis = System.currentTimeMillis();
        var properties = new LiveProperties("127.0.0.1", 0, "app", 4, 16, DataSize.ofMegabytes(4), DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(16), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(10),
                SEGMENT_SECONDS, 6, List.of(), "veryfast", 128, 4500, Duration.ofSeconds(10), dir.resolve("sessions"),
                12000, 1080);
        var session = new CompletableFuture<LiveSession>();
        List<Sample> ours;
        try (var node = LiveIngestNode.start(properties, attempt -> PublishDecision.accept("latency"),
                new LiveSessionListener() {
                    @Override
                    public void connected(LiveSession started) {
                        session.complete(started);
                    }
                }, launcher)) {
            Process publisher = publish(launcher, epochMillis, "rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + KEY, seconds);
            Path playlist = session.get(20, TimeUnit.SECONDS).directory().resolve(LiveHlsCommand.SOURCE_RUNG)
                    .resolve("index.m3u8");
            ours = watch(launcher, playlist, publisher, epochMillis);
        }
        List<Sample> bare = bare(launcher, dir.resolve("bare"), System.currentTimeMillis(), seconds);

        System.out.printf(Locale.ROOT, "%n%d s of 640x360p30 H.264 passed through, %d s segments%n", seconds, SEGMENT_SECONDS);
        report("Vidcastx ingest", ours);
        report("bare FFmpeg", bare);
        System.out.printf(Locale.ROOT, "ratio Vidcastx/bare (stamp of a segment's first frame -> segment listed): %.2fx%n",
                mean(ours, Sample::firstFrame) / mean(bare, Sample::firstFrame));
    }

    private static void report(String name, List<Sample> samples) {
        double first = mean(samples, Sample::firstFrame);
        double last = samples.stream().mapToDouble(Sample::lastFrame).average().orElseThrow();
        var sorted = samples.stream().mapToLong(Sample::firstFrame).sorted().toArray();
        long p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
        System.out.printf(Locale.ROOT, "%-16s %d segments: first frame made -> listed %.2f s (p95 %.2f s); "
                        + "last frame made -> listed %.2f s; glass-to-glass with hls.js defaults (3 target durations "
                        + "behind the edge) %.2f s%n", name, samples.size(), first / 1000, p95 / 1000.0, last / 1000,
                (last + 3 * SEGMENT_SECONDS * 1000) / 1000);
    }

    private static double mean(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).average().orElseThrow();
    }

    /** Bare FFmpeg as the RTMP server with the node's HLS arguments, watched the same way. */
    private static List<Sample> bare(FfmpegLauncher launcher, Path out, long epochMillis, int seconds) throws Exception {
        Files.createDirectories(out.resolve(LiveHlsCommand.SOURCE_RUNG));
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "rtmp://127.0.0.1:" + port + "/app/" + KEY;
        List<String> arguments = LiveBenchmark.listening(LiveHlsCommand.arguments(new SourceInfo(true, true, true, true, 360, 1500),
                new LiveHlsSettings(SEGMENT_SECONDS, 6, List.of(), "veryfast", 128, 4500)), url);
        // The node hands FFmpeg the sequence headers before any frame; receiving RTMP from a live encoder, FFmpeg's
        // flv demuxer gives up probing at once (analyzeduration 0) unless told to wait. Only the start-up changes,
        // and the first segments are not measured.
        arguments = new ArrayList<>(arguments);
        int input = arguments.indexOf("-f");
        arguments.addAll(input, List.of("-analyzeduration", "3000000"));
        Process server = launcher.builder(arguments).directory(out.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(out.resolve("ffmpeg.log").toFile()).start();
        LiveBenchmark.awaitListening(port);
        Process publisher = publish(launcher, epochMillis, url, seconds);
        var samples = watch(launcher, out.resolve(LiveHlsCommand.SOURCE_RUNG).resolve("index.m3u8"), publisher, epochMillis);
        server.waitFor(30, TimeUnit.SECONDS);
        server.destroyForcibly();
        return samples;
    }

    /** A real-time 640x360 source whose top rows carry the wall-clock time each frame was made. */
    private static Process publish(FfmpegLauncher launcher, long epochMillis, String url, int seconds) throws IOException {
        String bit = "mod(floor(floor(T*100)/pow(2,floor(X/" + BIT_WIDTH + "))),2)";
        String inStrip = "lt(Y,32)*lt(X," + (BIT_WIDTH * BITS) + ")";
        String stamp = "setpts=(RTCTIME-" + epochMillis * 1000 + ")/(TB*1000000),"
                + "geq=lum='if(" + inStrip + ",255*" + bit + ",lum(X,Y))':cb='if(" + inStrip + ",128,cb(X,Y))'"
                + ":cr='if(" + inStrip + ",128,cr(X,Y))'";
        var args = List.of("-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds),
                "-vf", stamp, "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60",
                "-b:v", "1500k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url);
        return launcher.builder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Polls the playlist every 10 ms while the publisher runs; reads each new segment's first stamp afterwards. */
    private static List<Sample> watch(FfmpegLauncher launcher, Path playlist, Process publisher, long epochMillis)
            throws Exception {
        Set<String> seen = new HashSet<>();
        record Listed(Path segment, long at, double duration) {
        }
        var listed = new ArrayList<Listed>();
        while (publisher.isAlive()) {
            if (Files.exists(playlist)) {
                double duration = 0;
                for (String line : Files.readAllLines(playlist)) {
                    if (line.startsWith("#EXTINF:")) {
                        duration = Double.parseDouble(line.substring(8, line.indexOf(',')));
                    } else if (!line.isBlank() && !line.startsWith("#") && seen.add(line)) {
                        Path segment = playlist.resolveSibling(line);
                        Path copy = Files.copy(segment, playlist.getParent().getParent().resolve("copy-" + line));
                        listed.add(new Listed(copy, System.currentTimeMillis(), duration));
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        var samples = new ArrayList<Sample>();
        // the first two segments include the start-up (probing, the first key frame); the last is cut short
        if (listed.size() < 4) {
            throw new IllegalStateException("only " + listed.size() + " segments were listed in " + playlist);
        }
        for (var entry : listed.subList(2, listed.size() - 1)) {
            samples.add(new Sample(entry.at(), epochMillis + 10L * readStamp(launcher, entry.segment()), entry.duration()));
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no segments were listed in " + playlist);
        }
        return samples;
    }

    /** The 24-bit stamp in the first frame's top strip, in 10 ms units since the benchmark started. */
    private static long readStamp(FfmpegLauncher launcher, Path segment) throws Exception {
        int width = BIT_WIDTH * BITS;
        Process decode = launcher.builder(List.of("-nostdin", "-loglevel", "error", "-i", segment.toString(),
                "-frames:v", "1", "-vf", "crop=" + width + ":32:0:0,format=gray", "-f", "rawvideo", "pipe:1"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] strip = decode.getInputStream().readAllBytes();
        decode.waitFor();
        if (strip.length < width * 32) {
            throw new IllegalStateException("could not decode the first frame of " + segment);
        }
        long value = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int pixel = strip[16 * width + bit * BIT_WIDTH + BIT_WIDTH / 2] & 0xFF;
            if (pixel > 128) {
                value |= 1L << bit;
            }
        }
        return value;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
