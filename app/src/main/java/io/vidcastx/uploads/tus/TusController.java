package io.vidcastx.uploads.tus;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.vidcastx.db.ids.UploadId;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.uploads.ChecksumSpec;
import io.vidcastx.uploads.UploadException;
import io.vidcastx.uploads.UploadKind;
import io.vidcastx.uploads.UploadService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TUS 1.0.0 at {@code /uploads/tus}: core protocol with the creation, creation-with-upload,
 * termination, expiration and checksum extensions (https://tus.io/protocols/resumable-upload).
 */
@RestController
@RequestMapping("/uploads/tus")
class TusController {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final UploadService uploads;
    private final CallerResolver callers;

    TusController(UploadService uploads, CallerResolver callers) {
        this.uploads = uploads;
        this.callers = callers;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        var caller = callers.current();
        var headers = baseHeaders();
        headers.set("Tus-Version", VERSION);
        headers.set("Tus-Extension", EXTENSIONS);
        headers.set("Tus-Checksum-Algorithm", String.join(",", ChecksumSpec.ALGORITHMS.keySet().stream().sorted().toList()));
        caller.ifPresent(c -> headers.set("Tus-Max-Size", String.valueOf(uploads.maxSize(c.organizationId()))));
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }

    @PostMapping
    ResponseEntity<Void> create(HttpServletRequest request) throws IOException {
        requireVersion(request);
        var caller = caller();
        if (request.getHeader("Upload-Defer-Length") != null) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, "Upload-Defer-Length is not supported");
        }
        long length = parseLength(request.getHeader("Upload-Length"), "Upload-Length");
        String metadataHeader = request.getHeader("Upload-Metadata");
        var metadata = TusMetadata.parse(metadataHeader);
        var upload = uploads.create(caller, new UploadService.NewUpload(UploadKind.TUS, length,
                metadataHeader, TusMetadata.title(metadata), null, null, null));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(upload.id()).toUri();
        var headers = baseHeaders();
        headers.setLocation(location);
        headers.set("Upload-Expires", httpDate(upload.expiresAt()));
        if (hasBody(request)) {
            requireOffsetOctetStream(request);
            var progress = uploads.append(caller.organizationId(), upload.id(), 0, request.getInputStream(), null,
                    checksum(request));
            headers.set("Upload-Offset", String.valueOf(progress.receivedLength()));
            headers.set("Upload-Expires", httpDate(progress.expiresAt()));
        }
        return new ResponseEntity<>(headers, HttpStatus.CREATED);
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable String id, HttpServletRequest request) {
        requireVersion(request);
        var upload = uploads.get(caller().organizationId(), uploadId(id));
        var headers = baseHeaders();
        headers.setCacheControl("no-store");
        headers.set("Upload-Offset", String.valueOf(upload.receivedLength()));
        if (upload.totalLength() != null) {
            headers.set("Upload-Length", String.valueOf(upload.totalLength()));
        }
        if (upload.metadata() != null) {
            headers.set("Upload-Metadata", upload.metadata());
        }
        headers.set("Upload-Expires", httpDate(upload.expiresAt()));
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @PatchMapping("/{id}")
    ResponseEntity<Void> patch(@PathVariable String id, HttpServletRequest request) throws IOException {
        requireVersion(request);
        requireOffsetOctetStream(request);
        var caller = caller();
        long offset = parseLength(request.getHeader("Upload-Offset"), "Upload-Offset");
        var progress = uploads.append(caller, uploadId(id), offset, request.getInputStream(), checksum(request));
        var headers = baseHeaders();
        headers.set("Upload-Offset", String.valueOf(progress.receivedLength()));
        headers.set("Upload-Expires", httpDate(progress.expiresAt()));
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> terminate(@PathVariable String id, HttpServletRequest request) {
        requireVersion(request);
        uploads.terminate(caller(), uploadId(id));
        return new ResponseEntity<>(baseHeaders(), HttpStatus.NO_CONTENT);
    }

    @ExceptionHandler(UploadException.class)
    void refuse(UploadException e, HttpServletResponse response) throws IOException {
        response.setStatus(e.reason().status());
        response.setHeader("Tus-Resumable", VERSION);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(e.getMessage());
    }

    @ExceptionHandler(UnsupportedVersion.class)
    void unsupportedVersion(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
        response.setHeader("Tus-Version", VERSION);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("This server speaks TUS " + VERSION + " (send Tus-Resumable: " + VERSION + ")");
    }

    /** 415: TUS bodies must say they are offsets of an octet stream. */
    @ExceptionHandler(WrongContentType.class)
    void wrongContentType(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setHeader("Tus-Resumable", VERSION);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Content-Type must be " + OFFSET_OCTET_STREAM);
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new UploadException(UploadException.Reason.NOT_FOUND,
                "This account belongs to no organization"));
    }

    private static void requireVersion(HttpServletRequest request) {
        if (!VERSION.equals(request.getHeader("Tus-Resumable"))) {
            throw new UnsupportedVersion();
        }
    }

    private static void requireOffsetOctetStream(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.split(";")[0].strip().equalsIgnoreCase(OFFSET_OCTET_STREAM)) {
            throw new WrongContentType();
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static ChecksumSpec checksum(HttpServletRequest request) {
        String header = request.getHeader("Upload-Checksum");
        return header == null ? null : ChecksumSpec.parse(header);
    }

    private static long parseLength(String value, String name) {
        if (value == null) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, name + " is required");
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UploadException(UploadException.Reason.BAD_REQUEST, name + " must be a non-negative integer");
        }
    }

    private static UploadId uploadId(String id) {
        try {
            return UploadId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UploadException(UploadException.Reason.NOT_FOUND, "No such upload");
        }
    }

    private static HttpHeaders baseHeaders() {
        var headers = new HttpHeaders();
        headers.set("Tus-Resumable", VERSION);
        return headers;
    }

    private static String httpDate(OffsetDateTime time) {
        return HTTP_DATE.format(time.atZoneSameInstant(ZoneOffset.UTC));
    }

    static final class UnsupportedVersion extends RuntimeException {
    }

    static final class WrongContentType extends RuntimeException {
    }
}
