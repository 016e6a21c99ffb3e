package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.vidcastx.core.captions.TranscriptStore;
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
 * Transcription benchmark (bench/transcribe/run.sh): real-time factor of the AI worker's whole job
 * (queue, download from S3, FFmpeg extraction, windowed Whisper, rows, WebVTT, playlists) against a
 * bare whisper-jni call (load the model, one {@code full()} over the same PCM) with the same model
 * and threads, in the same run. Without {@code --model} a generated random-weight model is used
 * (no real model can be downloaded on the build machines): its timings are real, its text is not.
 */
public final class TranscribeBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = 120;
        Path model = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--model" -> model = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("transcribe-bench-");
        if (model == null) {
            model = TestWhisperModel.writeEnglish(dir.resolve("ggml-random.en.bin"));
        }
        var context = new SpringApplicationBuilder(AiWorkerApplication.class).web(WebApplicationType.NONE)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off",
                        "vidcastx.ai.whisper-model=" + model, "vidcastx.ai.temperature-increment=0")
                .run();
        try {
            var settings = context.getBean(AiProperties.class);
            var dsl = context.getBean(DSLContext.class);
            var videos = new ReadyVideos(context.getBean(FfmpegBinaries.class), context.getBean(MediaProcessRunner.class),
                    context.getBean(StorageService.class), dsl, dir);
            System.out.printf(Locale.ROOT, "Generating %d s of tones with a picture...%n", seconds);
            Path source = videos.source("source.mp4", seconds, true);

            // Reference: whisper-jni alone on the same 16 kHz PCM, whole file in one full() call.
            float[] samples = floats(videos.pcm(source, "bare.f32"));
            WhisperNative.load();
            var organization = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Bench")
                    .set(ORGANIZATIONS.SLUG, "bench-" + organization).execute();
            // Two rounds, alternating: the first pays for warming up the JVM, the native code and the caches.
            var bare = new double[2];
            var worker = new double[2];
            int bareSegments = 0;
            int cues = 0;
            for (int round = 0; round < 2; round++) {
                long bareStart = System.nanoTime();
                bareSegments = bare(model, samples, settings);
                bare[round] = (System.nanoTime() - bareStart) / 1e9;

                // Vidcastx: a ready video in storage, a TRANSCRIBE job, the worker does the rest.
                var id = videos.ready(organization, source, seconds, true);
                long start = System.nanoTime();
                var job = context.getBean(TransactionTemplate.class).execute(status -> context.getBean(JobQueue.class)
                        .enqueue(Queues.AI_JOBS, new AIJobData(id, AIJobType.TRANSCRIBE, "en")));
                String status;
                while (true) {
                    status = dsl.select(JOBS.STATUS).from(JOBS).where(JOBS.JOB_ID.eq(job)).fetchSingle().value1();
                    if (status.equals("completed") || status.equals("failed")) {
                        break;
                    }
                    Thread.sleep(20);
                }
                worker[round] = (System.nanoTime() - start) / 1e9;
                if (!status.equals("completed")) {
                    throw new IllegalStateException("The job " + status + ": "
                            + dsl.select(JOBS.LAST_ERROR).from(JOBS).where(JOBS.JOB_ID.eq(job)).fetchSingle().value1());
                }
                var store = context.getBean(TranscriptStore.class);
                cues = store.cues(organization, store.forVideo(organization, id).getFirst().id()).size();
            }
            double bareSeconds = bare[1];
            double workerSeconds = worker[1];
            System.out.printf(Locale.ROOT, "%nTranscription benchmark: %d s of audio, model %s, %d threads, window %d s, %d cores%n",
                    seconds, WhisperModelFile.check(model).describe(), settings.threadCount(), settings.window().toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-52s %7.2f s  RTF %.3f  (%d segments)%n",
                    "bare whisper-jni: load + one full() over the PCM", bareSeconds, bareSeconds / seconds, bareSegments);
            System.out.printf(Locale.ROOT, "%-52s %7.2f s  RTF %.3f  (%d cues)%n",
                    "Vidcastx AI worker: job queued -> completed", workerSeconds, workerSeconds / seconds, cues);
            System.out.printf(Locale.ROOT, "ratio worker/bare: %.2fx the time (overhead %.2f s); first (cold) round: "
                    + "bare %.2f s, worker %.2f s%n", workerSeconds / bareSeconds, workerSeconds - bareSeconds, bare[0], worker[0]);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Loads the model and transcribes all samples in one call, as an application using whisper-jni directly would. */
    private static int bare(Path model, float[] samples, AiProperties settings) throws Exception {
        var whisper = new WhisperJNI();
        try (var whisperContext = whisper.init(model)) {
            var params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.nThreads = settings.threadCount();
            params.language = "en";
            params.temperatureInc = settings.temperatureIncrement();
            if (whisper.full(whisperContext, params, samples, samples.length) != 0) {
                throw new IllegalStateException("whisper full() failed");
            }
            return whisper.fullNSegments(whisperContext);
        }
    }

    private static float[] floats(Path pcm) throws Exception {
        var buffer = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] samples = new float[buffer.remaining()];
        buffer.get(samples);
        return samples;
    }
}
