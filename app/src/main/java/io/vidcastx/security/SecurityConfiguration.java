package io.vidcastx.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.vidcastx.security.ui.LoginView;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;

/** Dashboard security: a session cookie from form sign-in, Vaadin's CSRF protection, views guarded by annotations. */
@EnableWebSecurity
@Configuration
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * The public API: API keys only, no session, no CSRF (no cookie is ever trusted here, so no
     * cross-site request can ride on one).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyAuthenticator keys,
                                    ObjectProvider<SecurityContextHolderStrategy> contexts,
                                    StatefulRedisConnection<String, String> redis,
                                    @Value("${vidcastx.api.rate-limit-per-minute:600}") int perMinute,
                                    @Value("${vidcastx.api.max-body-size:1MB}") DataSize maxBody) throws Exception {
        // Mux's prefixes: assets and uploads, signing keys (system), analytics (data). Unknown paths
        // under them answer 404 JSON (UnknownPathController), never the dashboard's HTML.
        http.securityMatcher("/video/v1/**", "/system/v1/**", "/data/v1/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, strategy(contexts)), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(redis, strategy(contexts), perMinute), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new ApiBodyLimitFilter(maxBody.toBytes()), ApiRateLimitFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("API"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ApiErrors.write(response, 401, "unauthorized",
                                "Authenticate with an API key: HTTP Basic with the token id and secret"))
                        .accessDeniedHandler((request, response, e) -> ApiErrors.write(response, 403, "forbidden",
                                "This API key may not do that")));
        return http.build();
    }

    /**
     * Upload endpoints: TUS takes the dashboard session (the browser uploader) or an API key;
     * direct-upload URLs carry their own capability (the upload's unguessable id), like presigned
     * URLs. TUS requests need custom headers, so browsers preflight them and a foreign page cannot
     * send one with our cookie: CSRF tokens are not needed.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uploadSecurity(HttpSecurity http, ApiKeyAuthenticator keys,
                                       @Qualifier("directUploadCors") CorsConfigurationSource cors,
                                       ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        http.securityMatcher("/uploads/**")
                .cors(c -> c.configurationSource(cors))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, strategy(contexts)), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/uploads/direct/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/uploads/tus", "/uploads/tus/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                        ApiErrors.write(response, 401, "unauthorized", "Sign in, or authenticate with an API key")));
        return http.build();
    }

    /**
     * Public playback: streams, pictures and the embed page. No session and no cookie is read; any
     * site may frame the embed (its Content-Security-Policy says {@code frame-ancestors *}), so no
     * X-Frame-Options here.
     */
    @Bean
    @Order(3)
    SecurityFilterChain playbackSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/embed/**", "/stream/**", "/image/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frames -> frames.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Stripe's webhook: no session, no cookie, no CSRF token; the Stripe-Signature header is the
     * authentication, checked by the billing feature (a bad one gets 400 and changes nothing).
     */
    @Bean
    @Order(3)
    SecurityFilterChain stripeWebhookSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/stripe")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        // The dashboard may frame itself only (its CSP says frame-ancestors 'self'); older browsers read this header.
        http.headers(headers -> headers.frameOptions(frames -> frames.sameOrigin()));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/icons/**", "/vidcastx/**", "/vidcastx-app.css", "/openapi.json", "/openapi.json.yaml",
                        "/error").permitAll()
                // Connecting YouTube: plain controllers on the session, which Vaadin's rules would refuse (ADR 0020).
                .requestMatchers("/integrations/youtube/connect", "/integrations/youtube/callback").authenticated());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    private static SecurityContextHolderStrategy strategy(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        return contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** bcrypt today, behind an id prefix so stored hashes can move to a stronger algorithm later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
