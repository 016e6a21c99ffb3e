package io.vidcastx.workers.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.FfmpegProperties;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import io.vidcastx.workers.live.hls.LiveHlsCommand;
import io.vidcastx.workers.live.hls.LiveHlsSettings;
import io.vidcastx.workers.live.hls.SourceInfo;
import org.springframework.util.unit.DataSize;

/**
 * Live ingest benchmark (bench/live/run.sh). The same 720p30 H.264/AAC file is published in real
 * time ({@code -re -c copy}) to (a) the Vidcastx ingest node in this JVM, pass-through ladder, and
 * (b) bare FFmpeg listening for RTMP itself with the same HLS and recording arguments
 * ({@link LiveHlsCommand}, input swapped). CPU is read from {@code /proc/self/stat}: this JVM's own
 * time plus its reaped children's. The publishers are detached ({@code setsid -f}) so that their CPU
 * is counted in neither.
 */
public final class LiveBenchmark {

    private static final String KEY = "bench-key-0001";
    private static final double TICKS = 100.0; // CLK_TCK on Linux

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int rounds = intArg(args, "--rounds", 2);
        // --ladder 480p: the source passed through plus an encoded 480p rung (the default live ladder)
        List<io.vidcastx.workers.live.hls.LiveRung> ladder = java.util.Arrays.asList(args).contains("--ladder")
                ? LiveProperties.DEFAULT_LADDER : List.of();
        var binaries = new FfmpegBinaries(new FfmpegProperties(null, null));
        var launcher = new FfmpegLauncher(binaries::ffmpeg);
        Path dir = Files.createTempDirectory("live-bench-");
        Path input = dir.resolve("input.flv");
        System.out.printf(Locale.ROOT, "Generating a %d s 720p30 H.264/AAC source...%n", seconds);
        run(launcher, List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30:duration=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds, "-c:v", "libx264", "-preset", "veryfast",
                "-b:v", "3000k", "-g", "60", "-c:a", "aac", "-b:a", "128k", "-shortest", "-f", "flv", input.toString()));

        var properties = new LiveProperties("127.0.0.1", 0, "app", 4, 16, DataSize.ofMegabytes(4), DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(16), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(10), 2, 6,
                ladder, "veryfast", 128, 4500, Duration.ofSeconds(10), dir.resolve("sessions"), 12000, 1080);
        var ended = new CountDownLatch[1];
        try (var node = LiveIngestNode.start(properties, attempt -> PublishDecision.accept("bench"),
                new LiveSessionListener() {
                    @Override
                    public void disconnected(LiveSession session, SessionEnd end) {
                        ended[0].countDown();
                    }
                }, launcher)) {
            // warm-up: JIT the RTMP path once, not measured
            ended[0] = new CountDownLatch(1);
            publishDetached(launcher, input, "rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + KEY, 3);
            ended[0].await(60, TimeUnit.SECONDS);

            var ours = new ArrayList<Double>();
            var bare = new ArrayList<Double>();
            for (int round = 1; round <= rounds; round++) {
                ended[0] = new CountDownLatch(1);
                Cpu before = Cpu.now();
                publishDetached(launcher, input, "rtmp://127.0.0.1:" + node.rtmpPort() + "/app/" + KEY, 0);
                if (!ended[0].await(seconds + 60L, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the Vidcastx session did not end");
                }
                Cpu after = Cpu.now();
                ours.add(after.total() - before.total());
                System.out.printf(Locale.ROOT, "round %d  Vidcastx: %.2f s CPU (JVM %.2f + FFmpeg %.2f)%n", round,
                        after.total() - before.total(), after.own() - before.own(), after.children() - before.children());

                before = Cpu.now();
                bareFfmpeg(launcher, input, dir.resolve("bare-" + round), seconds, ladder);
                after = Cpu.now();
                double bareCpu = after.children() - before.children();
                bare.add(bareCpu);
                System.out.printf(Locale.ROOT, "round %d  bare FFmpeg: %.2f s CPU (JVM meanwhile %.2f, not counted)%n",
                        round, bareCpu, after.own() - before.own());
            }
            double oursMean = ours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double bareMean = bare.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.printf(Locale.ROOT, "%n%d s of 720p30, %s, %d rounds%n", seconds,
                    ladder.isEmpty() ? "pass-through" : "source passed through + 480p encoded", rounds);
            System.out.printf(Locale.ROOT, "Vidcastx ingest:  %.2f s CPU per stream (%.1f%% of one core)%n",
                    oursMean, 100 * oursMean / seconds);
            System.out.printf(Locale.ROOT, "bare FFmpeg:      %.2f s CPU per stream (%.1f%% of one core)%n",
                    bareMean, 100 * bareMean / seconds);
            System.out.printf(Locale.ROOT, "ratio Vidcastx/bare: %.2fx%n", oursMean / bareMean);
        }
    }

    /** Bare FFmpeg as the RTMP server, with the same outputs, until the publisher ends. */
    private static void bareFfmpeg(FfmpegLauncher launcher, Path input, Path out, int seconds,
                                   List<io.vidcastx.workers.live.hls.LiveRung> ladder) throws Exception {
        Files.createDirectories(out.resolve(LiveHlsCommand.SOURCE_RUNG));
        for (var rung : ladder) {
            Files.createDirectories(out.resolve(rung.name()));
        }
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var source = new SourceInfo(true, true, true, true, 720, 3000);
        String url = "rtmp://127.0.0.1:" + port + "/app/" + KEY;
        var arguments = listening(LiveHlsCommand.arguments(source, new LiveHlsSettings(2, 6, ladder, "veryfast", 128, 4500)),
                url);
        Process server = launcher.builder(arguments).directory(out.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        awaitListening(port);
        publishDetached(launcher, input, url, 0);
        if (!server.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            throw new IllegalStateException("bare FFmpeg did not finish");
        }
    }

    /** The node's FFmpeg arguments with FFmpeg itself listening for the RTMP publisher instead of reading a pipe. */
    static List<String> listening(List<String> nodeArguments, String url) {
        var arguments = new ArrayList<>(nodeArguments);
        int whitelist = arguments.indexOf("-protocol_whitelist");
        arguments.remove(whitelist);
        arguments.remove(whitelist);
        int inputAt = arguments.indexOf("pipe:0");
        arguments.set(inputAt, url);
        arguments.add(inputAt - 3, "-listen");
        arguments.add(inputAt - 2, "1");
        return arguments;
    }

    private static void publishDetached(FfmpegLauncher launcher, Path input, String url, int seconds) throws Exception {
        var args = new ArrayList<>(List.of("-nostdin", "-loglevel", "error", "-re"));
        if (seconds > 0) {
            args.addAll(List.of("-t", String.valueOf(seconds)));
        }
        args.addAll(List.of("-i", input.toString(), "-c", "copy", "-f", "flv", url));
        ProcessBuilder publisher = launcher.builder(args);
        var command = new ArrayList<>(List.of("setsid", "-f"));
        command.addAll(publisher.command());
        publisher.command(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** Waits until something listens on the port, without connecting (FFmpeg -listen takes one connection). */
    static void awaitListening(int port) throws Exception {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals("0A")) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("bare FFmpeg is not listening on " + port);
    }

    private static void run(FfmpegLauncher launcher, List<String> args) throws IOException, InterruptedException {
        Process process = launcher.builder(args).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + args);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** This process's CPU seconds: its own, and that of its children it has reaped. */
    record Cpu(double own, double children) {

        static Cpu now() throws IOException {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
            double own = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
            double children = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS;
            return new Cpu(own, children);
        }

        double total() {
            return own + children;
        }
    }
}
