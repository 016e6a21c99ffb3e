package io.vidcastx.security;

import java.util.List;

/**
 * The {@code Content-Security-Policy} of every kind of response, chosen by path. Each page gets what
 * it needs and nothing else: the embed page may be framed by any site, the dashboard only by itself,
 * JSON and media load nothing at all.
 */
public final class ContentSecurityPolicy {

    /** Paths that serve media or the embed page: no session, public, loaded by other sites. */
    static final List<String> PLAYBACK_PREFIXES = List.of("/embed/", "/stream/", "/image/");

    /** Paths that answer JSON (or take upload bytes): nothing in them may run or be framed. */
    static final List<String> API_PREFIXES = List.of("/video/v1/", "/system/v1/", "/data/v1/", "/uploads/",
            "/openapi.json", "/actuator/", "/webhooks/");

    /**
     * Vaadin's client needs inline bootstrap scripts and {@code eval} ({@code executeJs} runs through
     * {@code new Function}), inline styles (Lumo), and its push connection (same origin); hls.js in
     * the preview plays from {@code blob:} and may start a {@code blob:} worker.
     */
    public static final String DASHBOARD = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob: data:", // hls.js gives caption tracks a data: source
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /** JSON, upload endpoints and the OpenAPI document: a browser that opens one renders data, never code. */
    public static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Playlists, segments, MP4 and pictures: plain media any site may show (frames included). */
    public static final String MEDIA = "default-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors *";

    private ContentSecurityPolicy() {
    }

    /**
     * The embed page: our player script and the page's own inline script and style (by nonce), media
     * from this server ({@code blob:} for Media Source Extensions), and framing by any site.
     */
    public static String embed(String nonce) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self' 'nonce-" + nonce + "'",
                "style-src 'nonce-" + nonce + "'",
                "img-src 'self' data: blob:",
                "media-src 'self' blob: data:", // hls.js gives caption tracks a data: source
                "connect-src 'self'",
                "worker-src 'self' blob:",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors *");
    }

    /** The policy of a request path (without the context path); the embed controller sets its own, with a nonce. */
    static String forPath(String path) {
        if (path.startsWith("/embed/")) {
            return embed("none"); // error pages of the embed: still framable, and no inline code without the nonce
        }
        if (PLAYBACK_PREFIXES.stream().anyMatch(path::startsWith)) {
            return MEDIA;
        }
        if (API_PREFIXES.stream().anyMatch(path::startsWith)) {
            return API;
        }
        return DASHBOARD;
    }
}
