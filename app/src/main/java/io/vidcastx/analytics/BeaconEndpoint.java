package io.vidcastx.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where players post Mux Data beacons. mux-embed posts to the root of {@code beaconCollectionDomain}
 * ({@code POST /}, body {@code {"metadata":{...},"events":[{"e":"viewstart","ake":"<env key>",...}]}} as
 * text/plain), so this filter answers {@code POST /} without Vaadin's {@code v-r} parameter, and
 * {@code POST /analytics/beacon} for players configured with a path. It runs before every security
 * chain: beacons carry no cookie and no credential, only the public environment key. Any origin may
 * post (players live on customers' sites).
 */
final class BeaconEndpoint extends OncePerRequestFilter {

    static final String PATH = "/analytics/beacon";

    private final EnvironmentKeys keys;
    private final BeaconIngest ingest;
    private final GeoLocator geo;
    private final DeviceDetector devices;
    private final StatefulRedisConnection<String, String> redis;
    private final JsonMapper json;
    private final AnalyticsProperties properties;

    BeaconEndpoint(EnvironmentKeys keys, BeaconIngest ingest, GeoLocator geo, DeviceDetector devices,
                   StatefulRedisConnection<String, String> redis, JsonMapper json, AnalyticsProperties properties) {
        this.keys = keys;
        this.ingest = ingest;
        this.geo = geo;
        this.devices = devices;
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean method = "POST".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
        return !method || !(PATH.equals(path) || "/".equals(path) && request.getParameter("v-r") == null
                && request.getQueryString() == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "no-store");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type");
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setStatus(204);
            return;
        }
        InetAddress client = InetAddress.getByName(request.getRemoteAddr());
        if (flooding(client)) {
            ApiErrors.write(response, 429, "too_many_requests", "Too many beacons from this address; slow down");
            return;
        }
        long max = properties.maxBatchSize().toBytes();
        if (request.getContentLengthLong() > max) {
            ApiErrors.write(response, 413, "payload_too_large", "A beacon batch may be at most " + max + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            ApiErrors.write(response, 413, "payload_too_large", "A beacon batch may be at most " + max + " bytes");
            return;
        }
        List<JsonNode> events = new ArrayList<>();
        try {
            JsonNode root = json.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode list = root == null ? null : root.get("events");
            if (list == null || !list.isArray()) {
                ApiErrors.write(response, 400, "invalid_beacon", "The body must be a JSON object with an \"events\" array");
                return;
            }
            list.forEach(events::add);
        } catch (JacksonException e) {
            ApiErrors.write(response, 400, "invalid_beacon", "The body is not valid JSON");
            return;
        }
        OrganizationId organization = null;
        for (var event : events) {
            var key = event.get("ake");
            var found = key == null || !key.isString() ? java.util.Optional.<OrganizationId>empty()
                    : keys.organizationOf(key.asString());
            if (found.isEmpty() || organization != null && !organization.equals(found.get())) {
                ApiErrors.write(response, 403, "invalid_env_key", "Every event needs the environment key (env_key) of an organization");
                return;
            }
            organization = found.get();
        }
        if (organization == null) {
            response.setStatus(200);
            return;
        }
        String userAgent = request.getHeader("User-Agent");
        var device = devices.detect(userAgent);
        if (device.isEmpty()) {
            ingest.countBot(); // dropped, counted, and answered like any beacon so the bot learns nothing
            response.setStatus(200);
            return;
        }
        ingest.accept(organization, events, client, userAgent, device.get(), geo.locate(client));
        response.setStatus(200);
    }

    /** A per-minute counter per client address; the Redis key holds a hash of the address, never the address. */
    private boolean flooding(InetAddress client) {
        String key = "analytics:beacons:" + Integer.toHexString(java.util.Arrays.hashCode(client.getAddress()) * 31 + 17)
                + ":" + (System.currentTimeMillis() / 60_000);
        var commands = redis.sync();
        long used = commands.incr(key);
        if (used == 1) {
            commands.expire(key, 120);
        }
        return used > properties.beaconsPerMinute();
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(AnalyticsProperties.class)
    static class Registration {

        @Bean
        FilterRegistrationBean<BeaconEndpoint> beaconEndpoint(EnvironmentKeys keys, BeaconIngest ingest, GeoLocator geo,
                                                              DeviceDetector devices, StatefulRedisConnection<String, String> redis,
                                                              JsonMapper json, AnalyticsProperties properties) {
            var registration = new FilterRegistrationBean<>(new BeaconEndpoint(keys, ingest, geo, devices, redis, json, properties));
            registration.addUrlPatterns("/*");
            // Before Spring Security's chains (order -100): nothing of theirs applies to an anonymous beacon.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
            return registration;
        }
    }
}
