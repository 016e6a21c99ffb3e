package io.vidcastx.core.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded servers keep their data when no external PostgreSQL, Redis or S3 is configured.
 *
 * @param dataDir   root of the persistent data (PostgreSQL cluster, Redis AOF, S3 objects)
 * @param ephemeral true in tests: one set of servers per JVM in a temporary directory removed at exit
 */
@ConfigurationProperties("vidcastx.embedded")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDir, boolean ephemeral) {
}
