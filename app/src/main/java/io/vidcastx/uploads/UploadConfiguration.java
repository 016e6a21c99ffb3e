package io.vidcastx.uploads;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.FormContentFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
@EnableScheduling
class UploadConfiguration {

    /**
     * Spring parses PUT and PATCH bodies sent as {@code application/x-www-form-urlencoded} into request
     * parameters. {@code curl --data-binary} sends exactly that type with a video, so upload URLs
     * would lose (or choke on) their bytes: under {@code /uploads/} the body is always the file's bytes,
     * whatever {@code Content-Type} says, as with the storage URL Mux hands out.
     */
    @Bean
    FormContentFilter formContentFilter() {
        return new OrderedFormContentFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getRequestURI().startsWith(request.getContextPath() + "/uploads/");
            }
        };
    }
}
