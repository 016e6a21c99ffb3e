package io.vidcastx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The dashboard and API process. Worker and launcher packages are left out of the scan: in the
 * one-JVM mode the launcher adds the workers explicitly, and the app alone never runs them.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {"io\\.vidcastx\\.workers\\..*", "io\\.vidcastx\\.launcher\\..*"}))
public class VidcastxApplication {

    public static void main(String[] args) {
        SpringApplication.run(VidcastxApplication.class, args);
    }
}
