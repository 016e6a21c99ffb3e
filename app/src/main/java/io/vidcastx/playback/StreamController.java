package io.vidcastx.playback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.vidcastx.core.captions.HlsSubtitles;
import io.vidcastx.core.storage.ByteRange;
import io.vidcastx.core.storage.RangeNotSatisfiableException;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageObjectNotFoundException;
import io.vidcastx.core.storage.StorageService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HLS delivery in Mux's URL shape: {@code /stream/{playbackId}.m3u8}, its renditions and segments, and
 * {@code /stream/{playbackId}/highest.mp4}. Served from storage with the right content types, byte
 * ranges, caching and CORS; signed playback ids need {@code ?token=}.
 */
@RestController
@RequestMapping("/stream")
class StreamController {

    private static final String HLS = "application/vnd.apple.mpegurl";

    private final PlaybackService playback;
    private final StorageService storage;
    private final io.vidcastx.billing.DeliveryMeter delivery;

    StreamController(PlaybackService playback, StorageService storage, io.vidcastx.billing.DeliveryMeter delivery) {
        this.delivery = delivery;
        this.playback = playback;
        this.storage = storage;
    }

    @GetMapping("/{playbackId}.m3u8")
    void master(@PathVariable String playbackId, @RequestParam(required = false) @Nullable String token,
                HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        String stored = text(video.hlsFile("master.m3u8"));
        String signedToken = video.policy() == PlaybackPolicy.SIGNED ? token : null;
        send(response, HLS, PlaylistRewriter.master(stored, playbackId, signedToken), video.policy(), video.live() ? 1 : 60);
    }

    @GetMapping("/{playbackId}/{rendition}/index.m3u8")
    void media(@PathVariable String playbackId, @PathVariable String rendition,
               @RequestParam(required = false) @Nullable String token, HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        String stored = text(video.hlsFile(checkName(rendition) + "/index.m3u8"));
        // a live playlist slides every segment: caches may keep it for a second at most
        send(response, HLS, PlaylistRewriter.media(stored, video.policy() == PlaybackPolicy.SIGNED ? token : null),
                video.policy(), video.live() ? 1 : 3600);
    }

    /** The WebVTT playlist of one caption language (a single segment: the whole file). */
    @GetMapping("/{playbackId}/subtitles/{language}.m3u8")
    void subtitlePlaylist(@PathVariable String playbackId, @PathVariable String language,
                          @RequestParam(required = false) @Nullable String token, HttpServletResponse response)
            throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        String stored = text(StorageKeys.hlsFile(video.videoId(), HlsSubtitles.playlistPath(checkLanguage(language))));
        send(response, HLS, PlaylistRewriter.media(stored, video.policy() == PlaybackPolicy.SIGNED ? token : null),
                video.policy(), 60);
    }

    /** The captions themselves; short-lived in caches because the transcript editor rewrites them. */
    @GetMapping("/{playbackId}/subtitles/{language}.vtt")
    void subtitles(@PathVariable String playbackId, @PathVariable String language,
                   @RequestParam(required = false) @Nullable String token, HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        send(response, "text/vtt;charset=UTF-8", text(StorageKeys.captions(video.videoId(), checkLanguage(language))),
                video.policy(), 60);
    }

    @GetMapping("/{playbackId}/{rendition}/{segment:segment_\\d{3,6}\\.ts}")
    void segment(@PathVariable String playbackId, @PathVariable String rendition, @PathVariable String segment,
                 @RequestParam(required = false) @Nullable String token, HttpServletRequest request,
                 HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        long served = bytes(request, response, video.hlsFile(checkName(rendition) + "/" + segment),
                "video/mp2t", video.policy(), null);
        delivery.segmentServed(video.organizationId(), video.videoId(), rendition, served);
    }

    @GetMapping("/{playbackId}/highest.mp4")
    void mp4(@PathVariable String playbackId, @RequestParam(required = false) @Nullable String token,
             @RequestParam(required = false) @Nullable String download, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        bytes(request, response, StorageKeys.mp4Folder(video.videoId()) + "highest.mp4", "video/mp4", video.policy(),
                download);
    }

    /** A dubbed language's whole sound as one M4A: the video page's preview and download. */
    @GetMapping("/{playbackId}/{rendition:dub[0-9a-f]{8}}/audio.m4a")
    void dubbedAudio(@PathVariable String playbackId, @PathVariable String rendition,
                     @RequestParam(required = false) @Nullable String token,
                     @RequestParam(required = false) @Nullable String download, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        var video = playback.authorize(playbackId, token, "v");
        bytes(request, response, video.hlsFile(rendition + "/" + io.vidcastx.core.dubbing.HlsAudio.DOWNLOAD), "audio/mp4",
                video.policy(), download);
    }

    @ExceptionHandler(PlaybackService.Refused.class)
    void refused(PlaybackService.Refused e, HttpServletResponse response) throws IOException {
        cors(response);
        response.setStatus(e.status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(e.getMessage());
    }

    @ExceptionHandler(StorageObjectNotFoundException.class)
    void missing(HttpServletResponse response) throws IOException {
        refused(new PlaybackService.Refused(404, "No such file"), response);
    }

    @ExceptionHandler(ByteRanges.Unsatisfiable.class)
    void unsatisfiable(ByteRanges.Unsatisfiable e, HttpServletResponse response) {
        cors(response);
        response.setStatus(416);
        if (e.size >= 0) {
            response.setHeader("Content-Range", "bytes */" + e.size);
        }
    }

    /** One storage request per response: the object's size and ETag come with its bytes. */
    /** @return the bytes sent */
    private long bytes(HttpServletRequest request, HttpServletResponse response, String key, String contentType,
                       PlaybackPolicy policy, @Nullable String download) throws IOException {
        String rangeHeader = request.getHeader("Range");
        StorageService.OpenedObject object;
        try {
            ByteRange requested = ByteRanges.parseKnownStart(rangeHeader);
            if (requested == null && ByteRanges.isSuffix(rangeHeader)) {
                // bytes=-N needs the size first; players rarely ask for it.
                requested = ByteRanges.parse(rangeHeader, size(key));
            }
            object = storage.open(key, requested);
        } catch (RangeNotSatisfiableException | ByteRanges.Unsatisfiable e) {
            // A 416 says how large the object is (RFC 9110), so the client can ask again within it.
            throw new ByteRanges.Unsatisfiable(size(key));
        }
        try (InputStream in = object.body()) {
            cors(response);
            response.setContentType(contentType);
            response.setHeader("Accept-Ranges", "bytes");
            response.setHeader("Cache-Control", cacheControl(policy, 31_536_000)
                    + (policy == PlaybackPolicy.PUBLIC ? ", immutable" : ""));
            if (object.etag() != null) {
                response.setHeader("ETag", "\"" + object.etag().replace("\"", "") + "\"");
            }
            if (download != null && download.matches("[\\w .-]{1,100}")) {
                response.setHeader("Content-Disposition", "attachment; filename=\"" + download + ".mp4\"");
            }
            var served = object.served();
            if (served == null) {
                if (object.totalSize() >= 0) {
                    response.setContentLengthLong(object.totalSize());
                }
            } else {
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + served.first() + "-" + served.last() + "/" + object.totalSize());
                response.setContentLengthLong(served.length());
            }
            return in.transferTo(response.getOutputStream());
        }
    }

    private long size(String key) {
        return storage.stat(key).orElseThrow(() -> new StorageObjectNotFoundException(key)).size();
    }

    private void send(HttpServletResponse response, String contentType, String body, PlaybackPolicy policy, int maxAge)
            throws IOException {
        cors(response);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", cacheControl(policy, maxAge));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private String text(String key) throws IOException {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Signed responses are for one viewer: no shared cache may keep them. */
    private static String cacheControl(PlaybackPolicy policy, int maxAge) {
        return (policy == PlaybackPolicy.PUBLIC ? "public" : "private") + ", max-age=" + maxAge;
    }

    private static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges");
    }

    private static String checkLanguage(String language) {
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new PlaybackService.Refused(404, "No such caption track");
        }
        return language;
    }

    private static String checkName(String rendition) {
        if (!rendition.matches("[a-z0-9]{1,16}")) {
            throw new PlaybackService.Refused(404, "No such rendition");
        }
        return rendition;
    }
}
