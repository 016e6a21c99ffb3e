package io.vidcastx.dubbing.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.db.ids.AudioTrackId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Mux's {@code /video/v1/assets/{id}/tracks} for generated audio: {@code POST} starts a dub and
 * answers the track as {@code preparing}; {@code DELETE} removes it. The asset itself lists its
 * tracks ({@code GET /video/v1/assets/{id}}).
 */
@RestController
@Tag(name = "Assets")
@RequestMapping("/video/v1/assets/{assetId}/tracks")
class AudioTracksApiController {

    private final DubbingService dubbing;
    private final CallerResolver callers;

    AudioTracksApiController(DubbingService dubbing, CallerResolver callers) {
        this.dubbing = dubbing;
        this.callers = callers;
    }

    @Operation(summary = "Create a generated audio track (AI dubbing): type audio, language_code, name, "
            + "generated.provider (local or elevenlabs; the organization's default when left out), generated.voice, "
            + "generated.keep_background")
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@PathVariable String assetId, @RequestBody JsonNode body) {
        var caller = caller();
        VideoId video = videoId(assetId);
        if (!body.isObject() || !"audio".equals(text(body, "type"))) {
            throw new IllegalArgumentException("Only generated audio tracks can be created here: \"type\": \"audio\"");
        }
        String language = text(body, "language_code");
        if (language == null) {
            throw new IllegalArgumentException("language_code is required");
        }
        String provider = body.path("generated").isObject() ? text(body.path("generated"), "provider") : null;
        // Without a provider, the organization's default (Settings › General) dubs.
        if (provider != null && !provider.equals("local") && !provider.equals("elevenlabs")) {
            throw new IllegalArgumentException("generated.provider must be \"local\" or \"elevenlabs\"");
        }
        var track = dubbing.dub(caller, video, language, text(body, "name"), provider == null ? null : DubbingProvider.fromDb(provider),
                text(body.path("generated"), "voice"), body.path("generated").path("keep_background").asBoolean(false));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", track.muxTrack()));
    }

    @Operation(summary = "Delete a generated audio track")
    @DeleteMapping("/{trackId}")
    ResponseEntity<Void> delete(@PathVariable String assetId, @PathVariable String trackId) {
        var caller = caller();
        AudioTrackId id;
        try {
            id = AudioTrackId.parse(trackId);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        if (!dubbing.remove(caller, videoId(assetId), id)) {
            throw new NotFound();
        }
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }

    private static VideoId videoId(String id) {
        try {
            return VideoId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new AccessDeniedException("No organization"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "No such asset or track");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return error(e.getMessage() != null && e.getMessage().equals("No such video") ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> refused(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, "invalid_request", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, @Nullable String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type,
                "messages", List.of(message == null ? type : message))));
    }

    /** Unknown, malformed, or another organization's: the same 404. */
    static final class NotFound extends RuntimeException {
    }
}
