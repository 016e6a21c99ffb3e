package io.vidcastx.core.media;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FFmpeg for every process that needs it (the transcode worker, the app's thumbnail endpoint). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FfmpegProperties.class)
public class MediaConfiguration {

    @Bean
    public FfmpegBinaries ffmpegBinaries(FfmpegProperties properties) {
        return new FfmpegBinaries(properties);
    }

    @Bean(destroyMethod = "close")
    public MediaProcessRunner mediaProcessRunner() {
        return new MediaProcessRunner();
    }

    @Bean
    public MediaProbe mediaProbe(FfmpegBinaries binaries, MediaProcessRunner runner) {
        return new MediaProbe(binaries, runner);
    }
}
