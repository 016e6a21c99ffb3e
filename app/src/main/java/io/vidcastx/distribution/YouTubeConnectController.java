package io.vidcastx.distribution;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.vidcastx.core.youtube.YouTubeGoogle;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The two browser hops of connecting YouTube, on the dashboard's (session) security chain: the
 * Connect button leads to {@link #CONNECT}, which sends the browser to Google; Google sends it back
 * to {@link #CALLBACK}, which lands on the settings page with the outcome.
 */
@Controller
class YouTubeConnectController {

    static final String CONNECT = "/integrations/youtube/connect";
    static final String CALLBACK = "/integrations/youtube/callback";
    static final String PAGE = "/settings/integrations/youtube";

    private final YouTubeAuthorizations authorizations;

    YouTubeConnectController(YouTubeAuthorizations authorizations, YouTubeGoogle google) {
        this.authorizations = authorizations;
    }

    @GetMapping(CONNECT)
    ResponseEntity<Void> connect(HttpServletRequest request) {
        try {
            String url = authorizations.start(request.getSession(true), redirectUri(request));
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
        } catch (YouTubeAuthorizations.Refused | AccessDeniedException e) {
            return backToPage(request, "error", e.getMessage());
        }
    }

    @GetMapping(CALLBACK)
    ResponseEntity<Void> callback(HttpServletRequest request, @RequestParam(required = false) @Nullable String state,
                                  @RequestParam(required = false) @Nullable String code,
                                  @RequestParam(required = false) @Nullable String error) {
        try {
            authorizations.complete(request.getSession(true), state, code, error);
            return backToPage(request, "connected", "1");
        } catch (YouTubeAuthorizations.Refused | AccessDeniedException e) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(pageUri(request, "error", e.getMessage())).build();
        }
    }

    /** The exact redirect URI to register in the Google Cloud Console (README). */
    static String redirectUri(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(CALLBACK).build().toUriString();
    }

    private static ResponseEntity<Void> backToPage(HttpServletRequest request, String key, @Nullable String value) {
        return ResponseEntity.status(HttpStatus.FOUND).location(pageUri(request, key, value)).build();
    }

    private static URI pageUri(HttpServletRequest request, String key, @Nullable String value) {
        return URI.create(ServletUriComponentsBuilder.fromContextPath(request).path(PAGE).build().toUriString() + "?" + key
                + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
    }
}
