package io.vidcastx.workers.transcode;

import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The transcode worker's beans, shared by its own process and by the one-JVM launcher.
 */
@Configuration(proxyBeanMethods = false)
public class TranscodeWorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TranscodeWorkerConfiguration.class);

    private final JobWorkers workers;

    TranscodeWorkerConfiguration(JobWorkers workers) {
        this.workers = workers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        workers.startMaintenance();
        // TODO(#4): consume 'video-processing' once its handler exists; until then its jobs wait, safely, in PostgreSQL.
        log.info("Transcode worker started; the '{}' handler arrives with issue #4 (FFmpeg HLS ladder), so its jobs wait in the queue",
                Queues.VIDEO_PROCESSING.name());
    }
}
