package io.vidcastx.uploads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired, unfinished uploads on a schedule (every app instance may run it: rows are locked). */
@Component
class UploadCleanup {

    private static final Logger log = LoggerFactory.getLogger(UploadCleanup.class);

    private final UploadService uploads;

    UploadCleanup(UploadService uploads) {
        this.uploads = uploads;
    }

    @Scheduled(fixedDelayString = "${vidcastx.uploads.cleanup-interval:5m}", initialDelayString = "1m")
    void run() {
        try {
            int cleaned = uploads.cleanUpExpired();
            if (cleaned > 0) {
                log.info("Removed {} expired uploads", cleaned);
            }
        } catch (RuntimeException e) {
            log.warn("Upload cleanup failed: {}", e.toString());
        }
    }
}
