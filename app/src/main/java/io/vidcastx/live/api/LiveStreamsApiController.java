package io.vidcastx.live.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidcastx.accounts.Role;
import io.vidcastx.api.Paging;
import io.vidcastx.live.LiveStream;
import io.vidcastx.live.LiveStreamService;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Mux's live-streams API: {@code /video/v1/live-streams}, scoped to the key's organization like assets. */
@RestController
@Tag(name = "Live streams", description = "RTMP live streams: create, read, disable, enable, complete, reset the stream key, delete, and manage their playback IDs. A Viewer key reads; a Member key or above writes.")
@RequestMapping("/video/v1/live-streams")
class LiveStreamsApiController {

    private final LiveStreamService streams;
    private final CallerResolver callers;
    private final int defaultReconnectWindow;

    LiveStreamsApiController(LiveStreamService streams, CallerResolver callers,
                             @Value("${vidcastx.live.reconnect-window:60s}") Duration defaultReconnectWindow) {
        this.streams = streams;
        this.callers = callers;
        this.defaultReconnectWindow = (int) defaultReconnectWindow.toSeconds();
    }

    @Operation(summary = "Create a live stream (playback_policy, new_asset_settings.playback_policy, reconnect_window)")
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) @Nullable JsonNode body) {
        var caller = caller();
        if (body != null && !body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
        List<String> playbackPolicies = body == null ? List.of() : policies(body.path("playback_policy"), "playback_policy");
        JsonNode assetSettings = body == null ? null : body.path("new_asset_settings");
        List<String> recording = assetSettings == null ? List.of()
                : policies(assetSettings.has("playback_policies") ? assetSettings.path("playback_policies")
                        : assetSettings.path("playback_policy"), "new_asset_settings.playback_policy");
        if (body != null && body.has("new_asset_settings") && recording.isEmpty()) {
            recording = List.of("public"); // Mux: new_asset_settings without a policy still records
        }
        int window = defaultReconnectWindow;
        if (body != null && body.has("reconnect_window")) {
            if (!body.path("reconnect_window").isNumber()) {
                throw new IllegalArgumentException("reconnect_window must be a number of seconds");
            }
            window = (int) Math.ceil(body.path("reconnect_window").asDouble());
        }
        var created = streams.create(caller, playbackPolicies, recording.isEmpty() ? null : recording.getFirst(), window);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", json(caller, created)));
    }

    @Operation(summary = "List live streams, newest first (limit, page)")
    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "1") int page) {
        var caller = caller();
        var paging = Paging.of(limit, page);
        return Map.of("data", streams.page(caller, paging.offset(), paging.limit()).stream().map(s -> json(caller, s)).toList());
    }

    @Operation(summary = "Retrieve a live stream")
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        var caller = caller();
        return Map.of("data", json(caller, find(caller, id)));
    }

    @Operation(summary = "Delete a live stream (its recordings stay as assets)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        var caller = caller();
        streams.delete(caller, find(caller, id).id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reset the stream key (encoders with the old key are refused from their next connection)")
    @PostMapping("/{id}/reset-stream-key")
    ResponseEntity<Map<String, Object>> resetStreamKey(@PathVariable String id) {
        var caller = caller();
        var stream = streams.resetKey(caller, find(caller, id).id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", json(caller, stream)));
    }

    @Operation(summary = "Disable a live stream: publishers are refused")
    @PutMapping("/{id}/disable")
    Map<String, Object> disable(@PathVariable String id) {
        var caller = caller();
        streams.setEnabled(caller, find(caller, id).id(), false);
        return Map.of("data", Map.of());
    }

    @Operation(summary = "Enable a disabled live stream")
    @PutMapping("/{id}/enable")
    Map<String, Object> enable(@PathVariable String id) {
        var caller = caller();
        streams.setEnabled(caller, find(caller, id).id(), true);
        return Map.of("data", Map.of());
    }

    @Operation(summary = "Signal the live stream complete: end the session without waiting for the reconnect window")
    @PutMapping("/{id}/complete")
    Map<String, Object> complete(@PathVariable String id) {
        var caller = caller();
        streams.complete(caller, find(caller, id).id());
        return Map.of("data", Map.of());
    }

    @Operation(summary = "Create a playback ID (policy public or signed)")
    @PostMapping("/{id}/playback-ids")
    ResponseEntity<Map<String, Object>> createPlaybackId(@PathVariable String id,
                                                         @RequestBody(required = false) @Nullable JsonNode body) {
        var caller = caller();
        var stream = find(caller, id);
        String policy = body != null && body.path("policy").isString() ? body.path("policy").asString() : "public";
        var created = streams.addPlaybackId(caller, stream.id(), policy);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", Map.of("id", created.id(), "policy", created.policy())));
    }

    @Operation(summary = "Retrieve a playback ID")
    @GetMapping("/{id}/playback-ids/{playbackId}")
    Map<String, Object> getPlaybackId(@PathVariable String id, @PathVariable String playbackId) {
        var caller = caller();
        return Map.of("data", find(caller, id).playbackIds().stream().filter(p -> p.id().equals(playbackId)).findFirst()
                .map(p -> Map.of("id", p.id(), "policy", p.policy())).orElseThrow(NotFound::new));
    }

    @Operation(summary = "Delete a playback ID")
    @DeleteMapping("/{id}/playback-ids/{playbackId}")
    ResponseEntity<Void> deletePlaybackId(@PathVariable String id, @PathVariable String playbackId) {
        var caller = caller();
        var stream = find(caller, id);
        if (stream.playbackIds().stream().noneMatch(p -> p.id().equals(playbackId))) {
            throw new NotFound();
        }
        streams.removePlaybackId(caller, stream.id(), playbackId);
        return ResponseEntity.noContent().build();
    }

    /** Mux's live stream object. */
    private Map<String, Object> json(Caller caller, LiveStream stream) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", stream.id().toString());
        if (caller.may(Role.MEMBER)) {
            // a Viewer could publish with it: only those who may change the stream see its key
            json.put("stream_key", streams.revealKey(caller, stream.id()));
        }
        json.put("status", stream.status());
        json.put("playback_ids", stream.playbackIds().stream().map(p -> Map.of("id", p.id(), "policy", p.policy())).toList());
        if (stream.recordingPolicy() != null) {
            json.put("new_asset_settings", Map.of("playback_policies", List.of(stream.recordingPolicy())));
        }
        json.put("reconnect_window", stream.reconnectWindowSeconds());
        json.put("created_at", String.valueOf(stream.createdAt().toEpochSecond()));
        if (stream.activeAssetId() != null) {
            json.put("active_asset_id", stream.activeAssetId().toString());
        }
        json.put("recent_asset_ids", stream.recentAssetIds().stream().map(UUID::toString).toList());
        json.put("latency_mode", "standard");
        json.put("max_continuous_duration", 43200);
        json.put("test", false);
        return json;
    }

    private static List<String> policies(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        var policies = new ArrayList<String>();
        if (node.isString()) {
            policies.add(node.asString());
        } else if (node.isArray()) {
            for (JsonNode each : node) {
                if (!each.isString()) {
                    throw new IllegalArgumentException(field + " must be \"public\", \"signed\" or a list of them");
                }
                policies.add(each.asString());
            }
        } else {
            throw new IllegalArgumentException(field + " must be \"public\", \"signed\" or a list of them");
        }
        return policies;
    }

    private LiveStream find(Caller caller, String id) {
        try {
            return streams.get(caller, UUID.fromString(id)).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new AccessDeniedException("No organization"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "No live stream with this id");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, @Nullable String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type,
                "messages", List.of(message == null ? type : message))));
    }

    /** Unknown, malformed, or another organization's: the same 404. */
    static final class NotFound extends RuntimeException {
    }
}
