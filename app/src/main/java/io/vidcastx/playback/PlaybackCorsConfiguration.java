package io.vidcastx.playback;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Players on any site may fetch streams and pictures, with Range requests (answered to preflights);
 * and the settings of pictures cut on request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThumbnailProperties.class)
class PlaybackCorsConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[] {"/stream/**", "/image/**"}) {
            registry.addMapping(path)
                    .allowedOrigins("*")
                    .allowedMethods("GET", "HEAD", "OPTIONS")
                    .allowedHeaders("Range")
                    .exposedHeaders("Content-Length", "Content-Range", "Accept-Ranges")
                    .maxAge(86400);
        }
    }
}
