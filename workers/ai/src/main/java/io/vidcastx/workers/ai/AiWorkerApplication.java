package io.vidcastx.workers.ai;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The ai worker as a process of its own (no web server), configured like the app. */
@SpringBootApplication(scanBasePackageClasses = AiWorkerApplication.class)
public class AiWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(AiWorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
