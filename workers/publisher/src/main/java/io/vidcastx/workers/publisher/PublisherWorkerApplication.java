package io.vidcastx.workers.publisher;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The publisher worker as a process of its own (no web server), configured like the app. */
@SpringBootApplication(scanBasePackageClasses = PublisherWorkerApplication.class)
public class PublisherWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(PublisherWorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
