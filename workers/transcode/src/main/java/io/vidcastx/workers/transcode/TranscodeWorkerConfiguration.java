package io.vidcastx.workers.transcode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProbe;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.videos.VideoStatusPublisher;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transcode worker's beans, shared by its own process and by the one-JVM launcher: consumes
 * {@code video-processing} with {@code vidcastx.transcode.concurrency} jobs at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranscodeProperties.class)
@Import(TranscodeVideoRepository.class)
public class TranscodeWorkerConfiguration {

    @Bean
    VideoTranscoder videoTranscoder(StorageService storage, MediaProbe probe, MediaProcessRunner runner,
                                    FfmpegBinaries binaries, TranscodeProperties settings) {
        return new VideoTranscoder(storage, probe, runner, binaries, settings);
    }

    @Bean
    TranscodeJobHandler transcodeJobHandler(VideoTranscoder transcoder, TranscodeVideoRepository videos,
                                            EventRecorder events, TransactionTemplate transactions,
                                            TranscodeProperties settings, VideoStatusPublisher publisher,
                                            JobQueue queue, ObjectProvider<MeterRegistry> meters, UsageMeter usage) {
        return new TranscodeJobHandler(transcoder, videos, events, transactions, settings, publisher, queue,
                meters.getIfAvailable(() -> Metrics.globalRegistry), usage);
    }

    @Bean
    TranscodeWorkerStarter transcodeWorkerStarter(JobWorkers workers, TranscodeJobHandler handler,
                                                  TranscodeProperties settings) {
        return new TranscodeWorkerStarter(workers, handler, settings);
    }

    /** Starts consuming once the whole context is up (not while beans are still being created). */
    static final class TranscodeWorkerStarter {

        private final JobWorkers workers;
        private final TranscodeJobHandler handler;
        private final TranscodeProperties settings;

        TranscodeWorkerStarter(JobWorkers workers, TranscodeJobHandler handler, TranscodeProperties settings) {
            this.workers = workers;
            this.handler = handler;
            this.settings = settings;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            workers.createWorker(Queues.VIDEO_PROCESSING, handler, settings.concurrency());
        }
    }
}
