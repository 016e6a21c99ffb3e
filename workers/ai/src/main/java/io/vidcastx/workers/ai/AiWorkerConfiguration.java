package io.vidcastx.workers.ai;

import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The ai worker's beans, shared by its own process and by the one-JVM launcher.
 */
@Configuration(proxyBeanMethods = false)
public class AiWorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiWorkerConfiguration.class);

    private final JobWorkers workers;

    AiWorkerConfiguration(JobWorkers workers) {
        this.workers = workers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        workers.startMaintenance();
        // TODO(#8): consume 'ai-jobs' once its handler exists; until then its jobs wait, safely, in PostgreSQL.
        log.info("Ai worker started; the '{}' handler arrives with issue #8 (local Whisper transcription), so its jobs wait in the queue",
                Queues.AI_JOBS.name());
    }
}
