package io.vidcastx.core.config;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.core.database.DatabaseConfiguration;
import io.vidcastx.core.database.DatabaseProperties;
import io.vidcastx.core.embedded.EmbeddedProperties;
import io.vidcastx.core.embedded.EmbeddedServers;
import io.vidcastx.core.captions.MpegTsClock;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.media.MediaConfiguration;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.QueueConfiguration;
import io.vidcastx.core.queue.QueueProperties;
import io.vidcastx.core.redis.RedisConfiguration;
import io.vidcastx.core.redis.RedisProperties;
import io.vidcastx.core.storage.StorageConfiguration;
import io.vidcastx.core.storage.StorageProperties;
import io.vidcastx.core.usage.UsageMeter;
import io.vidcastx.core.videos.VideoStatusPublisher;
import io.vidcastx.core.youtube.YouTubeConfiguration;
import io.vidcastx.core.webhooks.WebhookFanOut;
import io.vidcastx.core.webhooks.WebhookPayloads;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL, Redis, storage and the queue for every Vidcastx process (the app and each worker).
 * Each piece uses its configured server, or the embedded one when none is configured. Runs before
 * Boot's DataSource auto-configuration so that ours is the process's only pool.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties({EmbeddedProperties.class, DatabaseProperties.class, RedisProperties.class,
        StorageProperties.class, QueueProperties.class})
@Import({DatabaseConfiguration.class, RedisConfiguration.class, StorageConfiguration.class, QueueConfiguration.class,
        MediaConfiguration.class, YouTubeConfiguration.class})
public class VidcastxInfrastructureAutoConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedServers embeddedServers(EmbeddedProperties properties) {
        return EmbeddedServers.obtain(properties);
    }

    @Bean
    public EventRecorder eventRecorder(DSLContext dsl, JsonMapper json, WebhookFanOut webhooks) {
        return new EventRecorder(dsl, json, webhooks);
    }

    @Bean
    public UsageMeter usageMeter(DSLContext dsl) {
        return new UsageMeter(dsl);
    }

    @Bean
    public WebhookPayloads webhookPayloads(JsonMapper json) {
        return new WebhookPayloads(json);
    }

    @Bean
    public WebhookFanOut webhookFanOut(DSLContext dsl, JobQueue queue, WebhookPayloads payloads) {
        return new WebhookFanOut(dsl, queue, payloads);
    }

    @Bean
    public MpegTsClock mpegTsClock(StorageService storage, FfmpegBinaries binaries, MediaProcessRunner runner) {
        return new MpegTsClock(storage, binaries, runner);
    }

    @Bean
    public TranscriptStore transcriptStore(DSLContext dsl, StorageService storage) {
        return new TranscriptStore(dsl, storage);
    }

    /**
     * What local dubbing can do here, asked of the tools once at start ({@code vidcastx.dubbing.apertium},
     * {@code vidcastx.dubbing.espeak-ng}: commands on the PATH or full paths).
     */
    @Bean
    public io.vidcastx.core.dubbing.LocalDubbingTools localDubbingTools(org.springframework.core.env.Environment env) {
        return io.vidcastx.core.dubbing.LocalDubbingTools.detect(env.getProperty("vidcastx.dubbing.apertium", "apertium"),
                env.getProperty("vidcastx.dubbing.espeak-ng", "espeak-ng"));
    }

    /** The organizations' dubbing providers and sealed ElevenLabs keys (the app writes, the AI worker opens). */
    @Bean
    public io.vidcastx.core.dubbing.DubbingAccounts dubbingAccounts(DSLContext dsl, EmbeddedServers embedded,
            @org.springframework.beans.factory.annotation.Value("${vidcastx.webhooks.encryption-key:}")
            @org.jspecify.annotations.Nullable String key) {
        return new io.vidcastx.core.dubbing.DubbingAccounts(dsl, new io.vidcastx.core.crypto.SealedSecrets(
                io.vidcastx.core.crypto.WebhookEncryptionKey.load(key, embedded.dataDir()),
                io.vidcastx.core.dubbing.DubbingAccounts.LABEL));
    }

    @Bean
    public io.vidcastx.core.dubbing.AudioTrackStore audioTrackStore(DSLContext dsl, StorageService storage) {
        return new io.vidcastx.core.dubbing.AudioTrackStore(dsl, storage);
    }

    @Bean
    public VideoStatusPublisher videoStatusPublisher(StatefulRedisConnection<String, String> redis) {
        return new VideoStatusPublisher(redis);
    }

    @Bean
    public TypedIdJacksonModule typedIdJacksonModule() {
        return new TypedIdJacksonModule();
    }
}
