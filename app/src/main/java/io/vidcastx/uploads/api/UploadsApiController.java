package io.vidcastx.uploads.api;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidcastx.api.Paging;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.uploads.NewAssetSettings;
import io.vidcastx.uploads.Upload;
import io.vidcastx.uploads.UploadException;
import io.vidcastx.uploads.UploadKind;
import io.vidcastx.uploads.UploadService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mux's direct uploads API: {@code /video/v1/uploads}. */
@RestController
@Tag(name = "Direct Uploads", description = "Mux-style direct uploads: create one, PUT the file to its url, and watch it become an asset.")
@RequestMapping("/video/v1/uploads")
class UploadsApiController {

    private static final long MIN_TIMEOUT = 60;
    private static final long MAX_TIMEOUT = 7 * 24 * 3600;

    private final UploadService uploads;
    private final CallerResolver callers;
    private final JsonMapper json;

    UploadsApiController(UploadService uploads, CallerResolver callers, JsonMapper json) {
        this.uploads = uploads;
        this.callers = callers;
        this.json = json;
    }

    @Operation(summary = "Create a direct upload (cors_origin, timeout, new_asset_settings)")
    @PostMapping
    ResponseEntity<Map<String, UploadJson>> create(@RequestBody(required = false) @Nullable JsonNode body) {
        var caller = caller();
        JsonNode request = body != null ? body : json.createObjectNode();
        if (!request.isObject()) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "The body must be a JSON object");
        }
        Duration timeout = null;
        if (request.has("timeout")) {
            JsonNode value = request.get("timeout");
            if (!value.canConvertToLong() || value.asLong() < MIN_TIMEOUT || value.asLong() > MAX_TIMEOUT) {
                throw new UploadException(UploadException.Reason.BAD_REQUEST,
                        "timeout must be a number of seconds between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT);
            }
            timeout = Duration.ofSeconds(value.asLong());
        }
        String corsOrigin = request.has("cors_origin") ? request.get("cors_origin").asString(null) : null;
        JsonNode settings = request.get("new_asset_settings");
        if (settings != null && !settings.isObject()) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "new_asset_settings must be an object");
        }
        NewAssetSettings.from(settings); // refuses what the asset could not honour, before anything is made
        String title = settings == null ? null : firstText(settings.path("meta").path("title"), settings.path("passthrough"));
        var upload = uploads.create(caller, new UploadService.NewUpload(UploadKind.DIRECT, null, null,
                title, corsOrigin, timeout, settings == null ? null : json.writeValueAsString(settings)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", view(upload, settings)));
    }

    @Operation(summary = "List direct uploads")
    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "1") int page) {
        var paging = Paging.of(limit, page);
        return Map.of("data", uploads.list(caller().organizationId(), paging.limit(), paging.offset()).stream()
                .map(upload -> view(upload, null)).toList());
    }

    @Operation(summary = "Retrieve a direct upload")
    @GetMapping("/{id}")
    Map<String, UploadJson> get(@PathVariable String id) {
        return Map.of("data", view(uploads.get(caller().organizationId(), uploadId(id)), null));
    }

    @Operation(summary = "Cancel a waiting direct upload")
    @PutMapping("/{id}/cancel")
    Map<String, UploadJson> cancel(@PathVariable String id) {
        return Map.of("data", view(uploads.cancel(caller(), uploadId(id)), null));
    }

    @ExceptionHandler(UploadException.class)
    ResponseEntity<Map<String, Object>> refuse(UploadException e) {
        String type = switch (e.reason()) {
            case NOT_FOUND -> "not_found";
            case BAD_REQUEST -> "invalid_parameters";
            case TOO_LARGE -> "too_large";
            default -> "invalid_request";
        };
        return ResponseEntity.status(e.reason().status()).contentType(MediaType.APPLICATION_JSON) // whatever Accept says
                .body(Map.of("error", Map.of("type", type, "messages", java.util.List.of(e.getMessage()))));
    }

    private UploadJson view(Upload upload, @Nullable JsonNode settings) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/uploads/direct/{id}")
                .buildAndExpand(upload.id()).toUriString();
        return UploadJson.of(upload, url, settings);
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new UploadException(UploadException.Reason.NOT_FOUND, "No organization"));
    }

    private static UploadId uploadId(String id) {
        try {
            return UploadId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UploadException(UploadException.Reason.NOT_FOUND, "No such upload");
        }
    }

    private static @Nullable String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node != null && node.isString() && !node.asString().isBlank()) {
                return node.asString().strip();
            }
        }
        return null;
    }
}
