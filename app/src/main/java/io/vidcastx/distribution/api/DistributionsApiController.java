package io.vidcastx.distribution.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidcastx.core.youtube.Distribution;
import io.vidcastx.core.youtube.Distributions;
import io.vidcastx.core.youtube.PublishRequest;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.distribution.PublishService;
import io.vidcastx.distribution.ThumbnailChoice;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Publishing an asset to YouTube: create, read and cancel its distributions. Members write, Viewers read. */
@RestController
@Tag(name = "Distributions", description = "Publish an asset to the organization's connected YouTube channel.")
@RequestMapping("/video/v1/assets/{assetId}/distributions")
class DistributionsApiController {

    private final PublishService publishing;
    private final CallerResolver callers;

    DistributionsApiController(PublishService publishing, CallerResolver callers) {
        this.publishing = publishing;
        this.callers = callers;
    }

    @Operation(summary = "Publish the asset (destination youtube, title, description, tags, category_id, privacy, "
            + "publish_at, made_for_kids, caption_languages, thumbnail (\"poster\", \"none\" or \"frame\" with "
            + "thumbnail_time in seconds), replace)")
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@PathVariable String assetId, @RequestBody JsonNode body) {
        var caller = caller();
        if (!body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
        String destination = text(body, "destination");
        if (!Distributions.YOUTUBE.equals(destination)) {
            throw new IllegalArgumentException("destination must be \"youtube\"");
        }
        var request = new PublishRequest(text(body, "title"), text(body, "description"), strings(body, "tags"),
                text(body, "category_id"), text(body, "privacy"), time(body, "publish_at"),
                body.path("made_for_kids").asBoolean(false), strings(body, "caption_languages"), null);
        var created = publishing.publish(caller, video(assetId), request, body.path("replace").asBoolean(false),
                thumbnail(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", json(created)));
    }

    @Operation(summary = "List the asset's distributions (one per channel)")
    @GetMapping
    Map<String, Object> list(@PathVariable String assetId) {
        return Map.of("data", publishing.history(caller(), video(assetId)).stream().map(DistributionsApiController::json)
                .toList());
    }

    @Operation(summary = "Retrieve a distribution: status queued, uploading, processing, published, failed or cancelled")
    @GetMapping("/{distributionId}")
    Map<String, Object> get(@PathVariable String assetId, @PathVariable String distributionId) {
        return Map.of("data", json(publishing.find(caller(), video(assetId), id(distributionId)).orElseThrow(NotFound::new)));
    }

    @Operation(summary = "Cancel a distribution whose upload has not finished")
    @DeleteMapping("/{distributionId}")
    ResponseEntity<Void> cancel(@PathVariable String assetId, @PathVariable String distributionId) {
        var caller = caller();
        var video = video(assetId);
        var found = publishing.find(caller, video, id(distributionId)).orElseThrow(NotFound::new);
        if (!publishing.cancel(caller, video, found.id())) {
            throw new IllegalStateException("The distribution is " + found.status().wire() + "; only a queued or "
                    + "uploading one can be cancelled.");
        }
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> json(Distribution distribution) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", distribution.id().toString());
        data.put("asset_id", distribution.videoId().toString());
        data.put("destination", distribution.destination());
        data.put("channel_id", distribution.channelId());
        data.put("status", distribution.status().wire());
        data.put("progress", distribution.progress());
        data.put("external_id", distribution.externalId());
        data.put("url", distribution.url());
        data.put("error", distribution.error());
        data.put("title", distribution.request().title());
        data.put("privacy", distribution.request().privacy());
        String thumbnail = distribution.request().thumbnailKey();
        data.put("thumbnail", thumbnail == null ? "none" : thumbnail.endsWith("/thumbnail.jpg") ? "poster" : "frame");
        data.put("created_at", String.valueOf(distribution.createdAt().toEpochSecond()));
        return data;
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "No asset or distribution with this id");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return "No asset with this id".equals(e.getMessage()) ? notFound(new NotFound())
                : error(HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> refused(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, "invalid_request", e.getMessage());
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new AccessDeniedException("No organization"));
    }

    private static VideoId video(String id) {
        try {
            return VideoId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        var node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.asString();
    }

    private static List<String> strings(JsonNode body, String field) {
        var node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        var result = new ArrayList<String>();
        node.forEach(item -> result.add(item.asString()));
        return result;
    }

    /** {@code thumbnail}: poster (default), none, or frame at {@code thumbnail_time}; a time alone means a frame. */
    private static ThumbnailChoice thumbnail(JsonNode body) {
        String kind = text(body, "thumbnail");
        JsonNode time = body.path("thumbnail_time");
        if (!time.isMissingNode() && !time.isNull() && !time.isNumber()) {
            throw new IllegalArgumentException("thumbnail_time must be a number of seconds");
        }
        boolean timed = time.isNumber();
        if (kind == null) {
            return timed ? ThumbnailChoice.frameAt(time.asDouble()) : ThumbnailChoice.POSTER;
        }
        return switch (kind) {
            case "poster" -> {
                if (timed) {
                    throw new IllegalArgumentException("thumbnail_time goes with thumbnail \"frame\", not \"poster\"");
                }
                yield ThumbnailChoice.POSTER;
            }
            case "none" -> new ThumbnailChoice(false, timed ? time.asDouble() : null);
            case "frame" -> {
                if (!timed) {
                    throw new IllegalArgumentException("thumbnail \"frame\" needs thumbnail_time in seconds");
                }
                yield ThumbnailChoice.frameAt(time.asDouble());
            }
            default -> throw new IllegalArgumentException("thumbnail must be one of poster, none, frame");
        };
    }

    private static @Nullable OffsetDateTime time(JsonNode body, String field) {
        String text = text(body, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO 8601 time such as 2026-12-24T18:00:00Z");
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, @Nullable String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type,
                "messages", List.of(message == null ? type : message))));
    }

    /** Unknown, malformed, or another organization's: the same 404. */
    static final class NotFound extends RuntimeException {
    }
}
