package io.vidcastx.workers.live.streams;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The live ingest worker as a process of its own (no web server), configured like the app. */
@SpringBootApplication(scanBasePackageClasses = LiveWorkerApplication.class)
public class LiveWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(LiveWorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
