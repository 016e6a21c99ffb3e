package io.vidcastx.uploads.direct;

import java.io.IOException;

import io.vidcastx.db.ids.UploadId;
import io.vidcastx.uploads.Upload;
import io.vidcastx.uploads.UploadException;
import io.vidcastx.uploads.UploadKind;
import io.vidcastx.uploads.UploadService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL a Mux-style direct upload hands out: one PUT of the whole file, or consecutive PUTs with
 * {@code Content-Range} (UpChunk). Unfinished chunks answer 308 with the stored {@code Range}, as
 * resumable-upload servers do; the last one answers 200. Browsers may call it from the upload's
 * {@code cors_origin} ({@link DirectUploadCors}).
 */
@RestController
@RequestMapping("/uploads/direct/{id}")
class DirectUploadController {

    private final UploadService uploads;

    DirectUploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    @PutMapping
    void put(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var upload = find(id);
        var range = ContentRange.parse(request.getHeader("Content-Range"));
        long offset = range != null ? range.first() : 0;
        Long total = range != null ? range.total()
                : request.getContentLengthLong() >= 0 ? request.getContentLengthLong() : null;
        var progress = uploads.append(null, upload.id(), offset, request.getInputStream(), total, null);
        if (progress.complete()) {
            response.setStatus(HttpStatus.OK.value());
        } else {
            response.setStatus(308);
            if (progress.receivedLength() > 0) {
                response.setHeader("Range", "bytes=0-" + (progress.receivedLength() - 1));
            }
        }
    }

    @ExceptionHandler(UploadException.class)
    void refuse(UploadException e, HttpServletResponse response) throws IOException {
        response.setStatus(e.reason().status());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(e.getMessage());
    }

    private Upload find(String id) {
        try {
            return uploads.findByCapability(UploadId.parse(id))
                    .filter(upload -> upload.kind() == UploadKind.DIRECT)
                    .orElseThrow(() -> new UploadException(UploadException.Reason.NOT_FOUND, "No such upload"));
        } catch (IllegalArgumentException e) {
            throw new UploadException(UploadException.Reason.NOT_FOUND, "No such upload");
        }
    }
}
