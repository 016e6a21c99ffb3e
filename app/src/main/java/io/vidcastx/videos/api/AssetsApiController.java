package io.vidcastx.videos.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidcastx.api.Paging;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.videos.VideoDetail;
import io.vidcastx.videos.VideoService;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Mux's assets API: {@code /video/v1/assets} (list, get, update, delete), scoped to the key's organization. */
@RestController
@Tag(name = "Assets", description = "Videos: list, read, rename and delete them, and manage their playback IDs. A Viewer key reads; a Member key or above writes.")
@RequestMapping("/video/v1/assets")
class AssetsApiController {

    private final VideoService videos;
    private final CallerResolver callers;
    private final DubbingService dubbing;

    AssetsApiController(VideoService videos, CallerResolver callers, DubbingService dubbing) {
        this.dubbing = dubbing;
        this.videos = videos;
        this.callers = callers;
    }

    @Operation(summary = "List assets, newest first (limit, page)")
    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "1") int page) {
        var caller = caller();
        var paging = Paging.of(limit, page);
        var assets = videos.page(caller, paging.offset(), paging.limit()).stream()
                .map(item -> AssetJson.of(item.video(), item.playbackIds()))
                .toList();
        return Map.of("data", assets);
    }

    @Operation(summary = "Retrieve an asset")
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        var caller = caller();
        return Map.of("data", asset(caller, find(caller, id)));
    }

    @Operation(summary = "Create a playback ID (policy public or signed)")
    @PostMapping("/{id}/playback-ids")
    ResponseEntity<Map<String, Object>> createPlaybackId(@PathVariable String id,
                                                         @RequestBody(required = false) @Nullable JsonNode body) {
        var caller = caller();
        var video = find(caller, id);
        String policy = body != null && body.path("policy").isString() ? body.path("policy").asString() : "public";
        if (!policy.equals("public") && !policy.equals("signed")) {
            throw new IllegalArgumentException("policy must be \"public\" or \"signed\"");
        }
        var created = videos.addPlaybackId(caller, video.id(), policy.equals("signed"));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", AssetJson.playbackId(created)));
    }

    @Operation(summary = "Retrieve a playback ID")
    @GetMapping("/{id}/playback-ids/{playbackId}")
    Map<String, Object> getPlaybackId(@PathVariable String id, @PathVariable String playbackId) {
        var caller = caller();
        var video = find(caller, id);
        return Map.of("data", videos.playbackIds(caller, video.id()).stream().filter(p -> p.id().equals(playbackId))
                .findFirst().map(AssetJson::playbackId).orElseThrow(NotFound::new));
    }

    @Operation(summary = "Delete a playback ID")
    @DeleteMapping("/{id}/playback-ids/{playbackId}")
    ResponseEntity<Void> deletePlaybackId(@PathVariable String id, @PathVariable String playbackId) {
        var caller = caller();
        var video = find(caller, id);
        if (videos.playbackIds(caller, video.id()).stream().noneMatch(p -> p.id().equals(playbackId))) {
            throw new NotFound();
        }
        videos.removePlaybackId(caller, video.id(), playbackId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> refused(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, "invalid_request", e.getMessage());
    }

    private Map<String, Object> asset(Caller caller, VideoDetail video) {
        var asset = AssetJson.of(video, videos.playbackIds(caller, video.id()));
        return AssetJson.withTracks(asset, dubbing.list(caller, video.id()).stream().map(t -> t.muxTrack()).toList());
    }

    /** Mux's updatable fields: {@code meta.title} (and our {@code meta.description}); others are ignored. */
    @Operation(summary = "Update an asset (meta.title, meta.description)")
    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body) {
        var caller = caller();
        var video = find(caller, id);
        if (!body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
        JsonNode meta = body.path("meta");
        String title = meta.path("title").isString() ? meta.path("title").asString() : video.title();
        String description = meta.path("description").isString() ? meta.path("description").asString() : video.description();
        videos.update(caller, video.id(), video.version(), title, description);
        return Map.of("data", asset(caller, find(caller, id)));
    }

    @Operation(summary = "Delete an asset and all its files")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        var caller = caller();
        var video = find(caller, id);
        videos.delete(caller, List.of(video.id()));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "No asset with this id");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> conflict(OptimisticLockingFailureException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    private VideoDetail find(Caller caller, String id) {
        try {
            return videos.get(caller, VideoId.parse(id)).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new AccessDeniedException("No organization"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, @Nullable String message) {
        // Set, not negotiated: an error is JSON even for a client that asked for another type.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type,
                "messages", List.of(message == null ? type : message))));
    }

    /** Unknown, malformed, or another organization's: the same 404, never a hint. */
    static final class NotFound extends RuntimeException {
    }
}
