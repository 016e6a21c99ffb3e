package io.vidcastx.core.database;

import java.net.URI;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vidcastx.core.embedded.EmbeddedPostgresServer;
import io.vidcastx.core.embedded.EmbeddedServers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's one connection pool, to the configured PostgreSQL or to the embedded one. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServers embedded) {
        var config = new HikariConfig();
        config.setPoolName("vidcastx");
        config.setMaximumPoolSize(properties.maximumPoolSize());
        if (properties.isExternal()) {
            applyUrl(config, java.util.Objects.requireNonNull(properties.url()), properties.username(), properties.password());
        } else {
            var postgres = embedded.postgres();
            config.setJdbcUrl(postgres.jdbcUrl());
            config.setUsername(EmbeddedPostgresServer.USER);
        }
        return new HikariDataSource(config);
    }

    /** Accepts JDBC URLs and the postgres:// URLs most hosting providers hand out. */
    static void applyUrl(HikariConfig config, String url, @Nullable String username, @Nullable String password) {
        if (url.startsWith("jdbc:")) {
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            return;
        }
        URI uri = URI.create(url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("vidcastx.database.url must be a jdbc:postgresql:// or postgres:// URL");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            config.setUsername(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                config.setPassword(userInfo.substring(colon + 1));
            }
        }
        if (username != null) {
            config.setUsername(username);
        }
        if (password != null) {
            config.setPassword(password);
        }
    }

}
