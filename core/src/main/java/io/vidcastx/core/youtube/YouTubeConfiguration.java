package io.vidcastx.core.youtube;

import java.time.Clock;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.core.crypto.WebhookEncryptionKey;
import io.vidcastx.core.embedded.EmbeddedServers;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** YouTube's clients and stores for every process: the app connects and queues, the publisher worker uploads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(YouTubeProperties.class)
public class YouTubeConfiguration {

    @Bean
    public YouTubeGoogle youTubeGoogle(YouTubeProperties settings) {
        return new YouTubeGoogle(settings);
    }

    @Bean
    public YouTubeConnections youTubeConnections(DSLContext dsl, YouTubeGoogle google, EmbeddedServers embedded,
                                                 @Value("${vidcastx.webhooks.encryption-key:}") @Nullable String key) {
        return new YouTubeConnections(dsl, new SealedTokens(WebhookEncryptionKey.load(key, embedded.dataDir())), google,
                Clock.systemUTC());
    }

    @Bean
    public Distributions distributions(DSLContext dsl, StatefulRedisConnection<String, String> redis) {
        return new Distributions(dsl, redis);
    }
}
