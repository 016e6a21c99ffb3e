package io.vidcastx.playback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    private final PlaybackService playback;

    EmbedController(PlaybackService playback) {
        this.playback = playback;
    }

    @GetMapping(value = "/embed/{playbackId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> embed(@PathVariable String playbackId, @RequestParam(required = false) @Nullable String token,
                                 @RequestParam(required = false) @Nullable String autoplay) {
        try {
            playback.authorize(playbackId, token, "v");
        } catch (PlaybackService.Refused e) {
            return ResponseEntity.status(e.status).contentType(MediaType.TEXT_HTML)
                    .body(page("Video unavailable", "<p class=\"message\">" + HtmlUtils.htmlEscape(e.getMessage()) + "</p>"));
        }
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String src = "/stream/" + playbackId + ".m3u8" + query;
        String poster = "/image/" + playbackId + "/thumbnail.jpg" + query;
        String script = "<script src=\"/vidcastx/player.js\"></script>\n<script>VidcastxPlayer.mount("
                + "document.getElementById('player'), {src: " + jsString(src) + ", poster: " + jsString(poster)
                + ", autoplay: " + ("1".equals(autoplay) || "true".equals(autoplay)) + "});</script>";
        return ResponseEntity.status(HttpStatus.OK).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", token == null ? "public, max-age=300" : "private, no-store")
                .body(page("Video", "<div id=\"player\"></div>\n" + script));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/icons/favicon.svg" type="image/svg+xml">
                <style>
                html, body { margin: 0; height: 100%%; background: #000; }
                #player { position: fixed; inset: 0; }
                .message { color: #ddd; font: 16px system-ui, sans-serif; text-align: center; margin-top: 40vh; }
                </style></head>
                <body>
                %s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title), body);
    }

    private static String jsString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }
}
