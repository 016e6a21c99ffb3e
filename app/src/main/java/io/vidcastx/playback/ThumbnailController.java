package io.vidcastx.playback;

import java.util.concurrent.TimeUnit;

import io.vidcastx.core.storage.StorageObjectNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mux's image API: {@code /image/{playbackId}/thumbnail.jpg?time=&width=&height=}. */
@RestController
class ThumbnailController {

    private final ThumbnailService thumbnails;
    private final PlaybackService playback;

    ThumbnailController(ThumbnailService thumbnails, PlaybackService playback) {
        this.thumbnails = thumbnails;
        this.playback = playback;
    }

    @GetMapping("/image/{playbackId}/thumbnail.jpg")
    ResponseEntity<byte[]> thumbnail(@PathVariable String playbackId, @RequestParam(required = false) @Nullable Double time,
                                     @RequestParam(required = false) @Nullable Integer width,
                                     @RequestParam(required = false) @Nullable Integer height,
                                     @RequestParam(required = false) @Nullable String token) {
        var request = new ThumbnailRequest(time, width, height);
        // Signed playback ids need a token with audience "t" for pictures, as with Mux.
        var video = playback.authorize(playbackId, token, "t");
        // A signed picture is for the token's holder: no shared cache (CDN, proxy) may keep it for others.
        var cache = CacheControl.maxAge(1, TimeUnit.DAYS);
        var cacheControl = video.policy() == PlaybackPolicy.PUBLIC ? cache.cachePublic() : cache.cachePrivate();
        return thumbnails.thumbnail(video, request)
                .map(jpeg -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(cacheControl)
                        .header("Access-Control-Allow-Origin", "*")
                        .body(jpeg))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No ready video with a picture has this playback id".getBytes()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badParameters(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(ThumbnailService.Busy.class)
    ResponseEntity<String> busy(ThumbnailService.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(PlaybackService.Refused.class)
    ResponseEntity<String> refused(PlaybackService.Refused e) {
        return ResponseEntity.status(e.status).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(StorageObjectNotFoundException.class)
    ResponseEntity<String> missing(StorageObjectNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("The picture is missing");
    }
}
