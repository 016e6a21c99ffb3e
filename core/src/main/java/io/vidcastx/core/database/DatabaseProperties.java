package io.vidcastx.core.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PostgreSQL connection ({@code VIDCASTX_DATABASE_URL}, {@code _USERNAME}, {@code _PASSWORD}). Without a
 * URL the embedded PostgreSQL is used.
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://host:5432/vidcastx}) or a libpq-style
 *            {@code postgres://user:password@host:5432/vidcastx} URL
 */
@ConfigurationProperties("vidcastx.database")
public record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
                                 @DefaultValue("20") int maximumPoolSize) {

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }
}
