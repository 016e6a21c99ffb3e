package io.vidcastx.workers.live;

import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.workers.live.hls.FfmpegLauncher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest node's beans for whichever process runs it: needs core's {@link FfmpegBinaries} and a
 * {@link PublishAuthorizer} (the live-streams feature provides the one backed by the database);
 * {@link LiveSessionListener} beans are optional.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
public class LiveIngestConfiguration {

    @Bean(destroyMethod = "close")
    LiveIngestNode liveIngestNode(LiveProperties properties, PublishAuthorizer authorizer,
                                  ObjectProvider<LiveSessionListener> listeners, FfmpegBinaries binaries) {
        var all = listeners.orderedStream().toList();
        LiveSessionListener listener = new LiveSessionListener() {
            @Override
            public void connected(LiveSession session) {
                all.forEach(each -> each.connected(session));
            }

            @Override
            public void disconnected(LiveSession session, SessionEnd end) {
                all.forEach(each -> each.disconnected(session, end));
            }
        };
        return LiveIngestNode.start(properties, authorizer, listener, new FfmpegLauncher(binaries::ffmpeg));
    }
}
