package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.ExternalProgram;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dubbing benchmark (bench/dubbing/run.sh): the AI worker's whole local DUB job of a transcript of
 * {@code --minutes} (queue, rows, apertium, espeak-ng per cue, atempo, timeline, AAC segments cut
 * like the video, S3, master, subtitles) against the bare commands on the same text in the same
 * run: one apertium call, espeak-ng per cue, FFmpeg atempo for the same clips, one FFmpeg AAC encode.
 */
public final class DubBenchmark {

    private static final String[] SENTENCES = {"Good morning and welcome to this short presentation.",
        "Today we look at how a small team builds a video platform.", "The cat sleeps on the warm chair.",
        "Every upload is cut into segments for streaming.", "Thank you very much for watching.",
        "We measure everything before we change anything.", "The weather is cold but the coffee is hot.",
        "Please ask your questions at the end of the talk."};

    public static void main(String[] args) throws Exception {
        int minutes = args.length >= 2 && args[0].equals("--minutes") ? Integer.parseInt(args[1]) : 10;
        int seconds = minutes * 60;
        Path dir = Files.createTempDirectory("dub-bench-");
        var context = new SpringApplicationBuilder(AiWorkerApplication.class).web(WebApplicationType.NONE)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off").run();
        try {
            var dsl = context.getBean(DSLContext.class);
            var binaries = context.getBean(FfmpegBinaries.class);
            var runner = context.getBean(MediaProcessRunner.class);
            var videos = new ReadyVideos(binaries, runner, context.getBean(StorageService.class), dsl, dir);
            var transactions = context.getBean(TransactionTemplate.class);
            var organization = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Bench")
                    .set(ORGANIZATIONS.SLUG, "bench-" + organization).execute();
            Path source = videos.ffmpeg("bench.mp4", List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=160x120:rate=10:duration=" + seconds, "-f", "lavfi", "-i", "sine=duration=" + seconds,
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "20", "-pix_fmt", "yuv420p", "-c:a", "aac"));
            var id = videos.ready(organization, source, seconds, true);
            var cues = new ArrayList<Cue>();
            for (int start = 0, i = 0; start + 3_500 <= seconds * 1000; start += 4_000, i++) {
                cues.add(new Cue(start, start + 3_500, SENTENCES[i % SENTENCES.length]));
            }
            transactions.executeWithoutResult(status -> context.getBean(TranscriptStore.class)
                    .replace(organization, id, "en", "bench", "whisper", cues, 126_000));

            long jobStart = System.nanoTime();
            var job = transactions.execute(status -> {
                context.getBean(AudioTrackStore.class).request(organization, id, "es", "Español", DubbingProvider.LOCAL,
                        null, false);
                return context.getBean(JobQueue.class).enqueue(Queues.AI_JOBS, new AIJobData(id, AIJobType.DUB, "es"));
            });
            String status;
            do {
                Thread.sleep(100);
                status = dsl.select(JOBS.STATUS).from(JOBS).where(JOBS.JOB_ID.eq(job)).fetchSingle(JOBS.STATUS);
            } while (!status.equals("completed") && !status.equals("failed"));
            double jobSeconds = (System.nanoTime() - jobStart) / 1e9;
            if (status.equals("failed")) {
                throw new IllegalStateException("The dub failed: " + dsl.select(JOBS.LAST_ERROR).from(JOBS)
                        .where(JOBS.JOB_ID.eq(job)).fetchSingle(JOBS.LAST_ERROR));
            }

            double bareSeconds = bare(cues, binaries, runner, Files.createDirectories(dir.resolve("bare")));
            System.out.printf(Locale.ROOT, "cues: %d over %d min%n", cues.size(), minutes);
            System.out.printf(Locale.ROOT, "dub job (whole, local):          %.2f s%n", jobSeconds);
            System.out.printf(Locale.ROOT, "bare apertium+espeak-ng+ffmpeg:  %.2f s%n", bareSeconds);
            System.out.printf(Locale.ROOT, "ratio job/bare: %.2fx (target <= 1.3x)%n", jobSeconds / bareSeconds);
        } finally {
            context.close();
        }
    }

    /** The same text through the bare tools: the least work any local dub has to do. */
    private static double bare(List<Cue> cues, FfmpegBinaries binaries, MediaProcessRunner runner, Path dir)
            throws Exception {
        long start = System.nanoTime();
        var text = String.join("\n", cues.stream().map(Cue::text).toList()) + "\n";
        var spanish = ExternalProgram.run(List.of("apertium", "-u", "eng-spa"), text, Duration.ofMinutes(5)).lines().toList();
        var list = new StringBuilder("ffconcat version 1.0\n");
        for (int i = 0; i < cues.size(); i++) {
            Path wav = dir.resolve("clip" + i + ".wav");
            ExternalProgram.run(List.of("espeak-ng", "-v", "es", "--stdin", "-w", wav.toString()), spanish.get(i),
                    Duration.ofMinutes(1));
            short[] clip = WavClip.readWav(wav);
            var cue = cues.get(i);
            double tempo = SpeechTimeline.tempo(WavClip.durationMs(clip, LocalDubber.SAMPLE_RATE), cue.endMs() - cue.startMs());
            if (tempo > 1.0) {
                Path fitted = dir.resolve("fitted" + i + ".wav");
                runner.run(binaries.ffmpeg(), List.of("-nostdin", "-y", "-loglevel", "error", "-i", wav.toString(),
                        "-filter:a", String.format(Locale.ROOT, "atempo=%.4f", tempo), fitted.toString()), dir,
                        Duration.ofMinutes(1), line -> { }, () -> false);
                wav = fitted;
            }
            list.append("file '").append(wav.getFileName()).append("'\n");
        }
        Files.writeString(dir.resolve("list.ffconcat"), list);
        runner.run(binaries.ffmpeg(), List.of("-nostdin", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i",
                dir.resolve("list.ffconcat").toString(), "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
                "-f", "segment", "-segment_format", "mpegts", "-segment_time", "4", dir.resolve("seg_%03d.ts").toString()),
                dir, Duration.ofMinutes(10), line -> { }, () -> false);
        return (System.nanoTime() - start) / 1e9;
    }
}
