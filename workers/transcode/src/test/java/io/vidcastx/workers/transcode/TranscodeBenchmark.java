package io.vidcastx.workers.transcode;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.queue.TranscodeJobData;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcode benchmark (bench/transcode/run.sh): a 1080p source through the whole path (upload
 * complete -> ready: queue, download from S3, probe, thumbnail, ladder, MP4, uploads, database)
 * against the bare single-pass FFmpeg ladder command with identical settings, in the same run.
 */
public final class TranscodeBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 1 && args[0].equals("--seconds") ? Integer.parseInt(args[1]) : 60;
        var context = new SpringApplicationBuilder(TranscodeWorkerApplication.class).web(WebApplicationType.NONE)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off").run();
        try {
            var binaries = context.getBean(FfmpegBinaries.class);
            var runner = context.getBean(MediaProcessRunner.class);
            var settings = context.getBean(TranscodeProperties.class);
            Path dir = Files.createTempDirectory("transcode-bench-");
            var sources = new TestSources(binaries, runner, dir);
            System.out.printf(Locale.ROOT, "Generating a %d s 1080p30 source with audio...%n", seconds);
            Path source = sources.video("source.mp4", 1920, 1080, seconds, true);

            // Reference: the same one-pass ladder, FFmpeg alone, local file in, local files out.
            var media = context.getBean(MediaProbe.class).probe(source);
            var plan = new LadderPlanner(settings).plan(media);
            Path bare = Files.createDirectories(dir.resolve("bare"));
            for (var rendition : plan.renditions()) {
                Files.createDirectories(bare.resolve(rendition.name()));
            }
            long bareStart = System.nanoTime();
            runner.run(binaries.ffmpeg(), FfmpegCommands.ladder(source.toString(), plan, settings), bare,
                    Duration.ofHours(1), line -> { }, () -> false);
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;

            // Vidcastx: the source is in storage, the upload completes (row + job), the worker does the rest.
            var storage = context.getBean(StorageService.class);
            var dsl = context.getBean(DSLContext.class);
            var organization = OrganizationId.random();
            dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization).set(ORGANIZATIONS.NAME, "Bench")
                    .set(ORGANIZATIONS.SLUG, "bench-" + organization).execute();
            var id = VideoId.random();
            String key = StorageKeys.rawSource(id);
            storage.uploadFile(key, source, "video/mp4");
            long start = System.nanoTime();
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                dsl.insertInto(VIDEOS).set(VIDEOS.VIDEO_ID, id).set(VIDEOS.ORGANIZATION_ID, organization)
                        .set(VIDEOS.TITLE, "bench").set(VIDEOS.PLAYBACK_ID, UUID.randomUUID().toString().replace("-", ""))
                        .set(VIDEOS.SOURCE_KEY, key).execute();
                context.getBean(JobQueue.class).enqueue(Queues.VIDEO_PROCESSING, new TranscodeJobData(id, key));
            });
            double firstPlayable = -1;
            String status;
            while (true) {
                status = dsl.select(VIDEOS.STATUS).from(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).fetchSingle().value1();
                if (firstPlayable < 0 && storage.stat(StorageKeys.hlsMaster(id)).isPresent()) {
                    firstPlayable = (System.nanoTime() - start) / 1e9;
                }
                if (!status.equals("processing")) {
                    break;
                }
                Thread.sleep(100);
            }
            double pathSeconds = (System.nanoTime() - start) / 1e9;
            if (!status.equals("ready")) {
                throw new IllegalStateException("The video ended " + status);
            }
            System.out.printf(Locale.ROOT, "%nTranscode benchmark: %d s of 1080p30 + AAC, ladder %s, preset %s, %d cores%n",
                    seconds, plan.renditions().stream().map(PlannedRendition::name).toList(), settings.preset(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-40s %8.1f s  (%.2fx realtime)%n", "bare FFmpeg, one pass, same settings",
                    bareSeconds, seconds / bareSeconds);
            System.out.printf(Locale.ROOT, "%-40s %8.1f s  (%.2fx realtime)%n", "Vidcastx, upload complete -> ready",
                    pathSeconds, seconds / pathSeconds);
            System.out.printf(Locale.ROOT, "%-40s %8.1f s%n", "Vidcastx, first rendition playable", firstPlayable);
            System.out.printf(Locale.ROOT, "ratio vidcastx/bare: %.2fx the time (overhead %.1f s)%n",
                    pathSeconds / bareSeconds, pathSeconds - bareSeconds);
        } finally {
            context.close();
        }
        System.exit(0);
    }
}
