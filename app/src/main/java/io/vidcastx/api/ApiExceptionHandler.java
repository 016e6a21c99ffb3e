package io.vidcastx.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Malformed API requests get Mux-shaped JSON errors, never an HTML error page. */
@RestControllerAdvice(basePackages = "io.vidcastx")
class ApiExceptionHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", "The request body is not valid JSON");
    }

    @ExceptionHandler(Paging.InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> invalid(Paging.InvalidParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_parameters", "Parameter '" + e.getName() + "' has the wrong type");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_parameters", "Send the body as application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request", e.getMethod() + " is not supported here");
    }

    /** The caller is known but their role (or their key's) does not allow this: 403, saying what would. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    /** A hard limit of the plan is used up: 402, with every limit that stops it and where to upgrade. */
    @ExceptionHandler(io.vidcastx.billing.QuotaExceededException.class)
    ResponseEntity<Map<String, Object>> quota(io.vidcastx.billing.QuotaExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("type", "quota_exceeded", "messages", e.messages())));
    }

    /** The content type is set, not negotiated: an error is JSON even for a client that asked for video/mp4. */
    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of("type", type, "messages", List.of(message))));
    }
}
