package io.vidcastx.workers.ai;

import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.JobWorkers;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageService;
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
 * The ai worker's beans, shared by its own process and by the one-JVM launcher: consumes
 * {@code ai-jobs} with {@code vidcastx.ai.concurrency} jobs at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AiProperties.class, ElevenLabsProperties.class})
@Import(AiVideoRepository.class)
public class AiWorkerConfiguration {

    @Bean(destroyMethod = "close")
    WhisperTranscriber whisperTranscriber(AiProperties settings) {
        return new WhisperTranscriber(settings);
    }

    @Bean
    TranscribeJobHandler transcribeJobHandler(WhisperTranscriber recognizer, FfmpegBinaries binaries,
                                              MediaProcessRunner runner, AiVideoRepository videos,
                                              TranscriptStore transcripts, StorageService storage, EventRecorder events,
                                              TransactionTemplate transactions, AiProperties settings,
                                              MpegTsClock clock, UsageMeter usage) {
        return new TranscribeJobHandler(recognizer, new AudioExtraction(binaries, runner, settings), clock, videos,
                transcripts, storage, events, transactions, settings, usage);
    }

    @Bean
    DubJobHandler dubJobHandler(TranscribeJobHandler transcriber, LocalDubbingTools tools, FfmpegBinaries binaries,
                                MediaProcessRunner runner, MpegTsClock clock, AiVideoRepository videos,
                                TranscriptStore transcripts, AudioTrackStore tracks, StorageService storage,
                                EventRecorder events, TransactionTemplate transactions, AiProperties settings,
                                DubbingAccounts accounts, ElevenLabsProperties elevenLabs, UsageMeter usage) {
        return new DubJobHandler(transcriber, new LocalDubber(tools, binaries, runner), clock, videos, transcripts,
                tracks, storage, events, transactions, binaries, runner, settings,
                new ElevenLabsDubber(new ElevenLabsClient(elevenLabs), accounts, binaries, runner, elevenLabs), usage);
    }

    @Bean
    AiWorkerStarter aiWorkerStarter(JobWorkers workers, TranscribeJobHandler transcribe, DubJobHandler dub,
                                    AiProperties settings) {
        var handler = new AiJobHandler(transcribe, dub);
        String advice = dub.tools().advice(null);
        if (!advice.isEmpty()) {
            LoggerFactory.getLogger(AiWorkerConfiguration.class).warn("Local dubbing cannot work yet: {}", advice);
        } else {
            LoggerFactory.getLogger(AiWorkerConfiguration.class).info("Local dubbing from English into {}",
                    dub.tools().targets("en"));
        }
        return new AiWorkerStarter(workers, handler, settings);
    }

    /** Starts consuming once the whole context is up (not while beans are still being created). */
    static final class AiWorkerStarter {

        private static final Logger log = LoggerFactory.getLogger(AiWorkerStarter.class);

        private final JobWorkers workers;
        private final AiJobHandler handler;
        private final AiProperties settings;

        AiWorkerStarter(JobWorkers workers, AiJobHandler handler, AiProperties settings) {
            this.workers = workers;
            this.handler = handler;
            this.settings = settings;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            workers.createWorker(Queues.AI_JOBS, handler, settings.concurrency());
            try {
                WhisperModelFile.check(settings.whisperModel());
            } catch (ModelUnavailableException e) {
                // Jobs will fail with this message too; saying it at startup saves a round trip.
                log.warn("Transcription will fail until this is fixed: {}", e.getMessage());
            }
        }
    }
}
