package io.vidcastx.workers.publisher;

import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.youtube.Distributions;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publisher worker's beans, shared by its own process and by the one-JVM launcher: consumes
 * {@code publish} with {@code vidcastx.publisher.concurrency} uploads at a time.
 */
@Configuration(proxyBeanMethods = false)
@Import(PublishSourceRepository.class)
@EnableConfigurationProperties(PublisherProperties.class)
public class PublisherWorkerConfiguration {

    @Bean
    PublishJobHandler publishJobHandler(Distributions distributions, YouTubeConnections connections,
                                        YouTubeGoogle google, StorageService storage, PublishSourceRepository sources,
                                        EventRecorder events, TransactionTemplate transactions,
                                        PublisherProperties settings) {
        return new PublishJobHandler(distributions, connections, google, storage, sources, events, transactions,
                new ResumableUpload(settings), settings);
    }

    @Bean
    PublisherWorkerStarter publisherWorkerStarter(JobWorkers workers, PublishJobHandler handler,
                                                  PublisherProperties settings) {
        return new PublisherWorkerStarter(workers, handler, settings);
    }

    /** Starts consuming once the whole context is up (not while beans are still being created). */
    static final class PublisherWorkerStarter {

        private final JobWorkers workers;
        private final PublishJobHandler handler;
        private final PublisherProperties settings;

        PublisherWorkerStarter(JobWorkers workers, PublishJobHandler handler, PublisherProperties settings) {
            this.workers = workers;
            this.handler = handler;
            this.settings = settings;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            workers.createWorker(Queues.PUBLISH, handler, settings.concurrency());
        }
    }
}
