package io.vidcastx.playback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import io.vidcastx.analytics.EnvironmentKeys;
import io.vidcastx.security.ContentSecurityPolicy;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /embed/{playbackId}}: a light page for iframes (no Vaadin), with the player, the poster
 * frame and, for signed playback ids, the token passed along to every request.
 */
@RestController
class EmbedController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlaybackService playback;
    private final EnvironmentKeys analytics;

    EmbedController(PlaybackService playback, EnvironmentKeys analytics) {
        this.playback = playback;
        this.analytics = analytics;
    }

    /**
     * @param token          for a signed playback id: its JWT with audience {@code v}
     * @param thumbnailToken for a signed playback id: a JWT with audience {@code t} for the poster (as Mux Player's
     *                       {@code thumbnail-token}); without it a signed embed shows no poster rather than a refused one
     */
    @GetMapping(value = "/embed/{playbackId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> embed(@PathVariable String playbackId, @RequestParam(required = false) @Nullable String token,
                                 @RequestParam(name = "thumbnail-token", required = false) @Nullable String thumbnailToken,
                                 @RequestParam(required = false) @Nullable String autoplay) {
        String nonce = nonce();
        PlaybackService.Playable video;
        try {
            video = playback.authorize(playbackId, token, "v");
        } catch (PlaybackService.Refused e) {
            return ResponseEntity.status(e.status).contentType(MediaType.TEXT_HTML)
                    .header("Content-Security-Policy", ContentSecurityPolicy.embed(nonce))
                    .body(page(nonce, "Video unavailable", "<p class=\"message\">" + HtmlUtils.htmlEscape(e.getMessage())
                            + "</p>"));
        }
        boolean signed = video.policy() == PlaybackPolicy.SIGNED;
        String src = "/stream/" + playbackId + ".m3u8" + (signed ? tokenQuery(token) : "");
        String picture = "/image/" + playbackId + "/thumbnail.jpg";
        // a live stream has no thumbnail yet: the player shows its first frame
        String poster = video.live() ? null : !signed ? picture : thumbnailToken != null && !thumbnailToken.isBlank() ? picture + tokenQuery(thumbnailToken)
                : null;
        String script = "<script src=\"/vidcastx/player.js\"></script>\n<script nonce=\"" + nonce + "\">VidcastxPlayer.mount("
                + "document.getElementById('player'), {src: " + jsString(src) + ", poster: " + jsString(poster)
                + ", autoplay: " + ("1".equals(autoplay) || "true".equals(autoplay))
                // Views are reported to this server with mux-embed, under the organization's environment key.
                + ", analytics: {envKey: " + jsString(analytics.keyOf(video.organizationId())) + ", videoId: "
                + jsString(video.videoId().toString()) + "}});</script>";
        return ResponseEntity.status(HttpStatus.OK).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", signed ? "private, no-store" : "public, max-age=300")
                // Any site may frame the player: that is what an embed is for. Its nonce is cached with the page.
                .header("Content-Security-Policy", ContentSecurityPolicy.embed(nonce))
                .body(page(nonce, "Video", "<div id=\"player\"></div>\n" + script));
    }

    private static String tokenQuery(@Nullable String token) {
        return token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String page(String nonce, String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/icons/favicon.svg" type="image/svg+xml">
                <style nonce="%s">
                html, body { margin: 0; height: 100%%; background: #000; }
                #player { position: fixed; inset: 0; }
                .vx-audio { position: absolute; top: 8px; left: 8px; font: 14px system-ui, sans-serif; }
                .message { color: #ddd; font: 16px system-ui, sans-serif; text-align: center; margin-top: 40vh; }
                </style></head>
                <body>
                %s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title), nonce, body);
    }

    private static String jsString(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }
}
