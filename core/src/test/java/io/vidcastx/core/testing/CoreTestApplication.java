package io.vidcastx.core.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Spring Boot application around core: infrastructure auto-configuration only. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CoreTestApplication {
}
