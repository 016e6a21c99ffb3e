package io.vidcastx.workers.transcode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The transcode worker as a process of its own (no web server), configured like the app. */
@SpringBootApplication(scanBasePackageClasses = TranscodeWorkerApplication.class)
public class TranscodeWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(TranscodeWorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
