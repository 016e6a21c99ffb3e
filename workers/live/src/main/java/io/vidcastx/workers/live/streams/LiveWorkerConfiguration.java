package io.vidcastx.workers.live.streams;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.workers.live.LiveIngestConfiguration;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live worker's beans, shared by its own process and the one-JVM launcher: the RTMP ingest node
 * with live streams from the database, and the sweeper that keeps leases and ends sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveStreamsProperties.class)
@Import({LiveIngestConfiguration.class, LiveStreamStore.class})
public class LiveWorkerConfiguration {

    @Bean
    LiveStreamSessions liveStreamSessions(LiveStreamStore store, TransactionTemplate transactions, EventRecorder events,
                                          StorageService storage, JobQueue queue, FfmpegBinaries binaries,
                                          LiveStreamsProperties settings, UsageMeter usage) {
        return new LiveStreamSessions(store, transactions, events, storage, queue, new RecordingJoiner(new FfmpegLauncher(binaries::ffmpeg)),
                settings, usage);
    }

    @Bean(destroyMethod = "close")
    LiveSweeper liveSweeper(LiveStreamSessions sessions, LiveStreamsProperties settings) {
        return new LiveSweeper(sessions, settings);
    }

    /** Sweeps on one platform thread from the moment the context is ready until it closes. */
    static final class LiveSweeper implements AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(LiveSweeper.class);

        private final LiveStreamSessions sessions;
        private final LiveStreamsProperties settings;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-sweeper").daemon().factory());

        LiveSweeper(LiveStreamSessions sessions, LiveStreamsProperties settings) {
            this.sessions = sessions;
            this.settings = settings;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            long millis = settings.sweepInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    sessions.sweep();
                } catch (RuntimeException e) {
                    log.warn("The live sweep failed; trying again in {} ms", millis, e);
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
        }
    }
}
