package io.vidcastx.uploads.direct;

import java.util.List;
import java.util.regex.Pattern;

import io.vidcastx.db.ids.UploadId;
import io.vidcastx.uploads.UploadService;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * CORS for direct-upload URLs: each upload allows exactly the {@code cors_origin} it was created
 * with ("*" allows any), for PUT. Other paths get no CORS at all.
 */
@Component
public class DirectUploadCors implements CorsConfigurationSource {

    private static final Pattern PATH = Pattern.compile("^/uploads/direct/([0-9a-fA-F-]{36})$");

    private final UploadService uploads;

    DirectUploadCors(UploadService uploads) {
        this.uploads = uploads;
    }

    @Override
    public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        var match = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!match.matches()) {
            return null;
        }
        String origin;
        try {
            origin = uploads.findByCapability(UploadId.parse(match.group(1))).map(u -> u.corsOrigin()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (origin == null || origin.isBlank()) {
            return null;
        }
        var config = new CorsConfiguration();
        config.setAllowedOrigins(List.of(origin.strip()));
        config.setAllowedMethods(List.of("PUT", "OPTIONS"));
        config.setAllowedHeaders(List.of("Content-Type", "Content-Range", "Content-Length"));
        config.setExposedHeaders(List.of("Range"));
        config.setMaxAge(3600L);
        return config;
    }
}
