package io.vidcastx.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Actuator endpoints, on the app's port or on {@code management.server.port}: the health probes are
 * open (status only), everything else (metrics, Prometheus) takes an API key with Full access,
 * sent as HTTP Basic like every API call. No session, no login page, no CSRF: no cookie counts here.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    static final String ADMIN_KEY_ROLE = "API_ADMIN";

    @Bean
    @Order(0)
    SecurityFilterChain managementSecurity(HttpSecurity http, ApiKeyAuthenticator keys,
                                           ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        var strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, strategy), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(ADMIN_KEY_ROLE))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"vidcastx\"");
                            ApiErrors.write(response, 401, "unauthorized",
                                    "Authenticate with an API key that has Full access: HTTP Basic with the token id and secret");
                        })
                        .accessDeniedHandler((request, response, e) -> ApiErrors.write(response, 403, "forbidden",
                                "Metrics need an API key with Full access")));
        return http.build();
    }
}
