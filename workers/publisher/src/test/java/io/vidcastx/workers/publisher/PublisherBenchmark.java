package io.vidcastx.workers.publisher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of {@link ResumableUpload} against {@code curl -T} to the same local stub, same file, same
 * run (see bench/publisher/run.sh). Prints MB/s for each and the ratio, and our peak heap in use.
 */
public final class PublisherBenchmark {

    private PublisherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = 1024;
        int rounds = 2;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--mib")) {
                mib = Long.parseLong(args[i + 1]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[i + 1]);
            }
        }
        long size = mib * 1024 * 1024;
        Path file = Files.createTempFile("publisher-bench-", ".bin");
        try {
            write(file, size);
            var settings = new PublisherProperties(1, 8 * 1024 * 1024, 6, Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofMinutes(1));
            // warm-up, not measured: a publisher worker runs for days, so the upload path is compiled (JIT) when
            // it matters; curl gets the same warm page cache from it
            var warmUp = ours(file, size, settings);
            System.out.printf("warm-up (not counted): Vidcastx %.2f s (%.0f MB/s)%n", warmUp.seconds,
                    size / 1e6 / warmUp.seconds);
            double oursTotal = 0;
            double curlTotal = 0;
            long peakHeap = warmUp.peakHeap;
            for (int round = 1; round <= rounds; round++) {
                var ours = ours(file, size, settings);
                double curl = curl(file, size);
                oursTotal += ours.seconds;
                curlTotal += curl;
                peakHeap = Math.max(peakHeap, ours.peakHeap);
                System.out.printf("round %d: Vidcastx %.2f s (%.0f MB/s), curl -T %.2f s (%.0f MB/s)%n", round,
                        ours.seconds, size / 1e6 / ours.seconds, curl, size / 1e6 / curl);
            }
            System.out.printf("%d MiB x %d rounds: Vidcastx %.0f MB/s, curl -T %.0f MB/s, ratio %.2fx (goal >= 0.8x); "
                            + "peak heap in use during our uploads %d MiB (-Xmx256m)%n", mib, rounds,
                    size * rounds / 1e6 / oursTotal, size * rounds / 1e6 / curlTotal, curlTotal / oursTotal,
                    peakHeap / (1024 * 1024));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Run(double seconds, long peakHeap) {
    }

    private static Run ours(Path file, long size, PublisherProperties settings) throws Exception {
        try (var stub = new ResumableUploadStub()) {
            var memory = ManagementFactory.getMemoryMXBean();
            var peak = new AtomicLong();
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            var upload = new ResumableUpload(settings);
            String session = upload.open(URI.create(stub.root()), "ya29.test", "{}", size, "video/mp4");
            upload.upload(session, "ya29.test", new ByteSource() {
                @Override
                public long length() {
                    return size;
                }

                @Override
                public InputStream openAt(long offset) throws IOException {
                    var channel = FileChannel.open(file, StandardOpenOption.READ);
                    channel.position(offset);
                    return Channels.newInputStream(channel);
                }
            }, bytes -> true, () -> false);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            if (stub.received() != size) {
                throw new IllegalStateException("stub received " + stub.received());
            }
            return new Run(seconds, peak.get());
        }
    }

    private static double curl(Path file, long size) throws Exception {
        try (var stub = new ResumableUploadStub()) {
            var upload = new ResumableUpload(new PublisherProperties(1, 262144, 0, Duration.ofMillis(1),
                    Duration.ofSeconds(1), Duration.ofMinutes(1)));
            String session = upload.open(URI.create(stub.root()), "ya29.test", "{}", size, "video/mp4");
            long start = System.nanoTime();
            var process = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-T", file.toString(), "-X", "PUT",
                    "-H", "Authorization: Bearer ya29.test", "-H", "Content-Range: bytes 0-" + (size - 1) + "/" + size,
                    "-H", "Expect:", session).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("curl failed");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (stub.received() != size) {
                throw new IllegalStateException("stub received " + stub.received() + " from curl");
            }
            return seconds;
        }
    }

    private static void write(Path file, long size) throws IOException {
        var random = new Random(1);
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }
}
