package io.vidcastx.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document served at {@code /openapi.json}: paths and shapes come from the controllers; this adds
 * what they cannot say, how to authenticate (Mux's HTTP Basic with token id and secret, or Bearer).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vidcastxOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vidcastx Video API")
                        .version("v1")
                        .description("Mux-compatible video API: direct uploads, assets and playback IDs. "
                                + "Authenticate with an API key: HTTP Basic (token id as user, secret as password) or "
                                + "Bearer <token id>:<secret>. Errors are {\"error\": {\"type\", \"messages\"}}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("accessToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("API key token id and secret"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("<token id>:<secret>")))
                .addSecurityItem(new SecurityRequirement().addList("accessToken"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
