package io.vidcastx.bootstrap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Unattended installs: {@code VIDCASTX_ADMIN_EMAIL} and {@code VIDCASTX_ADMIN_PASSWORD} create the
 * owner and first organization at first start; {@code VIDCASTX_BOOTSTRAP_API_KEY=<token id>:<secret>}
 * seeds one API key for it.
 */
@ConfigurationProperties("vidcastx")
public record BootstrapProperties(@Nullable Admin admin, @Nullable String bootstrapApiKey) {

    public record Admin(@Nullable String email, @Nullable String password, @Nullable String name,
                        @DefaultValue("My organization") String organization) {
    }
}
