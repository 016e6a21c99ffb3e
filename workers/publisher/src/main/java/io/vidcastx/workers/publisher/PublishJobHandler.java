package io.vidcastx.workers.publisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.InputStreamContent;
import com.google.api.client.util.DateTime;
import com.google.api.services.youtube.model.Caption;
import com.google.api.services.youtube.model.CaptionSnippet;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoSnippet;
import com.google.api.services.youtube.model.VideoStatus;
import io.vidcastx.core.events.EventRecorder;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;
import io.vidcastx.core.queue.PermanentJobFailure;
import io.vidcastx.core.queue.PublishJobData;
import io.vidcastx.core.storage.ByteRange;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.core.youtube.Distribution;
import io.vidcastx.core.youtube.DistributionStatus;
import io.vidcastx.core.youtube.Distributions;
import io.vidcastx.core.youtube.YouTubeConnections;
import io.vidcastx.core.youtube.YouTubeGoogle;
import io.vidcastx.core.youtube.YouTubeReconnectNeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code publish} job: the video's MP4 (or its upload) streamed from storage to YouTube's
 * resumable upload, captions and thumbnail sent, then YouTube asked until it has processed the video.
 * Idempotent and resumable: the upload session URL is stored before the first byte, so a worker that
 * takes over a job whose worker died asks YouTube where that session stands and goes on from there.
 * A refusal a retry cannot fix (quota, upload limit, metadata, revoked access) fails the distribution
 * with that reason at once; only 5xx and network errors are retried.
 */
class PublishJobHandler implements JobHandler<PublishJobData> {

    private static final Logger log = LoggerFactory.getLogger(PublishJobHandler.class);
    static final String PUBLISHED = "video.asset.distribution.published";
    static final String FAILED = "video.asset.distribution.failed";

    private final Distributions distributions;
    private final YouTubeConnections connections;
    private final YouTubeGoogle google;
    private final StorageService storage;
    private final PublishSourceRepository sources;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final ResumableUpload upload;
    private final PublisherProperties settings;

    PublishJobHandler(Distributions distributions, YouTubeConnections connections, YouTubeGoogle google,
                      StorageService storage, PublishSourceRepository sources, EventRecorder events, TransactionTemplate transactions,
                      ResumableUpload upload, PublisherProperties settings) {
        this.distributions = distributions;
        this.connections = connections;
        this.google = google;
        this.storage = storage;
        this.sources = sources;
        this.events = events;
        this.transactions = transactions;
        this.upload = upload;
        this.settings = settings;
    }

    @Override
    public void handle(PublishJobData job, JobContext context) throws Exception {
        var found = distributions.findForJob(job.distributionId());
        if (found.isEmpty() || found.get().status() == DistributionStatus.CANCELLED
                || found.get().status() == DistributionStatus.PUBLISHED || found.get().status() == DistributionStatus.FAILED) {
            return; // deleted, cancelled or already finished: nothing to do on a redelivery
        }
        var distribution = found.get();
        try {
            String token = connections.accessToken(distribution.organizationId());
            String youtubeId = distribution.externalId();
            if (youtubeId == null) {
                youtubeId = uploadVideo(distribution, token, context);
                if (youtubeId == null) {
                    return; // cancelled
                }
                distribution = distributions.findForJob(distribution.id()).orElseThrow();
                sendCaptions(distribution, token, youtubeId);
                sendThumbnail(distribution, token, youtubeId);
            }
            awaitProcessing(distribution, token, youtubeId);
        } catch (YouTubeReconnectNeeded e) {
            fail(distribution, e.getMessage());
            throw new PermanentJobFailure(e.getMessage(), e);
        } catch (YouTubeApiError e) {
            if (e.retryable() && context.attempt() < context.maxAttempts()) {
                throw e;
            }
            if (e.tokenRejected()) {
                connections.markNeedsReconnect(distribution.organizationId(), e.getMessage());
            }
            fail(distribution, e.getMessage());
            throw new PermanentJobFailure(e.getMessage(), e);
        } catch (ResumableUpload.Stopped e) {
            if (context.isCancelled()) {
                throw e; // the worker is stopping: another one resumes the session
            }
            log.info("Distribution {} was cancelled during its upload", distribution.id());
        } catch (IOException e) {
            if (context.attempt() >= context.maxAttempts()) {
                fail(distribution, "YouTube could not be reached to finish the upload (" + e.getMessage()
                        + "). Publish again to resume it.");
                throw new PermanentJobFailure(e.getMessage(), e);
            }
            throw e; // the queue retries later; the session resumes where YouTube stands
        }
    }

    /** @return YouTube's id of the uploaded video, or null when the distribution was cancelled meanwhile */
    private String uploadVideo(Distribution distribution, String token, JobContext context)
            throws IOException, InterruptedException {
        var source = source(distribution);
        String session = distribution.uploadSessionUrl();
        if (session == null) {
            session = upload.open(google.endpoints().apiRoot(), token, metadata(distribution), source.length(),
                    "video/mp4");
            distributions.sessionOpened(distribution, session, source.length());
        }
        ResumableUpload.Finished finished;
        try {
            finished = upload.upload(session, token, source, bytes -> {
                int percent = (int) Math.min(99, bytes * 100 / Math.max(1, source.length()));
                context.reportProgress(percent);
                return distributions.uploading(distribution, bytes, percent);
            }, context::isCancelled);
        } catch (ResumableUpload.SessionGone e) {
            // The session expired (YouTube keeps them about a week): start over with a new one next attempt.
            distributions.sessionOpened(distribution, null, source.length());
            throw new IOException(e.getMessage(), e);
        }
        var video = google.json().fromString(finished.responseJson(), Video.class);
        String url = "https://www.youtube.com/watch?v=" + video.getId();
        if (!distributions.moveTo(distribution, DistributionStatus.PROCESSING, video.getId(), url, null)) {
            return null;
        }
        return video.getId();
    }

    private ByteSource source(Distribution distribution) {
        String mp4 = StorageKeys.mp4Folder(distribution.videoId()) + "highest.mp4";
        String sourceKey = sources.sourceKey(distribution.organizationId(), distribution.videoId()).orElse(null);
        for (String key : new String[] {mp4, sourceKey}) {
            if (key == null) {
                continue;
            }
            var stat = storage.stat(key);
            if (stat.isPresent()) {
                long length = stat.get().size();
                return new ByteSource() {
                    @Override
                    public long length() {
                        return length;
                    }

                    @Override
                    public InputStream openAt(long offset) {
                        return offset == 0 ? storage.getFileStream(key) : storage.getFileStream(key, ByteRange.from(offset));
                    }
                };
            }
        }
        throw new PermanentJobFailure("Neither the MP4 nor the uploaded file of this video is in storage, so there is "
                + "nothing to send to YouTube.");
    }

    private String metadata(Distribution distribution) throws IOException {
        var request = distribution.request();
        var snippet = new VideoSnippet().setTitle(request.title()).setDescription(request.description())
                .setCategoryId(request.categoryId());
        if (!request.tags().isEmpty()) {
            snippet.setTags(request.tags());
        }
        var status = new VideoStatus().setPrivacyStatus(request.privacy()).setSelfDeclaredMadeForKids(request.madeForKids());
        if (request.publishAt() != null) {
            status.setPublishAt(new DateTime(request.publishAt().toInstant().toEpochMilli()));
        }
        return google.json().toString(new Video().setSnippet(snippet).setStatus(status));
    }

    private void sendCaptions(Distribution distribution, String token, String youtubeId) throws IOException {
        for (String language : distribution.request().captionLanguages()) {
            String key = StorageKeys.captions(distribution.videoId(), language);
            if (storage.stat(key).isEmpty()) {
                log.info("Distribution {}: no '{}' captions in storage any more; skipped", distribution.id(), language);
                continue;
            }
            long size = storage.stat(key).orElseThrow().size();
            try (var vtt = storage.getFileStream(key)) {
                var caption = new Caption().setSnippet(new CaptionSnippet().setVideoId(youtubeId).setLanguage(language)
                        .setName(language));
                var insert = google.youtube(token).captions().insert(List.of("snippet"), caption,
                        new InputStreamContent("text/vtt", vtt).setLength(size));
                insert.getMediaHttpUploader().setDirectUploadEnabled(true);
                execute(() -> insert.execute());
            }
        }
    }

    private void sendThumbnail(Distribution distribution, String token, String youtubeId) throws IOException {
        String key = distribution.request().thumbnailKey();
        var stat = key == null ? null : storage.stat(key).orElse(null);
        if (stat == null) {
            return;
        }
        String type = key.endsWith(".png") ? "image/png" : "image/jpeg";
        try (var image = storage.getFileStream(key)) {
            var set = google.youtube(token).thumbnails().set(youtubeId, new InputStreamContent(type, image).setLength(stat.size()));
            set.getMediaHttpUploader().setDirectUploadEnabled(true);
            execute(() -> set.execute());
        }
    }

    private void awaitProcessing(Distribution distribution, String token, String youtubeId) throws Exception {
        long deadline = System.nanoTime() + settings.processingTimeout().toNanos();
        while (true) {
            var items = execute(() -> google.youtube(token).videos().list(List.of("status", "processingDetails"))
                    .setId(List.of(youtubeId)).execute().getItems());
            if (items == null || items.isEmpty()) {
                fail(distribution, "The video is no longer on YouTube (deleted there while it was processed).");
                return;
            }
            var video = items.getFirst();
            String uploadStatus = video.getStatus() == null ? null : video.getStatus().getUploadStatus();
            if ("processed".equals(uploadStatus)) {
                var current = distributions.findForJob(distribution.id()).orElseThrow();
                transactions.executeWithoutResult(tx -> {
                    if (distributions.moveTo(current, DistributionStatus.PUBLISHED, null, null, null)) {
                        events.record(current.organizationId(), PUBLISHED, "asset", current.videoId().toString(),
                                payload(current, DistributionStatus.PUBLISHED, null));
                    }
                });
                return;
            }
            if ("rejected".equals(uploadStatus) || "failed".equals(uploadStatus)) {
                String why = "rejected".equals(uploadStatus) ? video.getStatus().getRejectionReason()
                        : video.getStatus().getFailureReason();
                fail(distribution, "YouTube " + uploadStatus + " the video (" + why + ").");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("YouTube is still processing the video; checking again later");
            }
            Thread.sleep(settings.processingPoll().toMillis());
        }
    }

    private void fail(Distribution distribution, String reason) {
        var current = distributions.findForJob(distribution.id()).orElse(distribution);
        transactions.executeWithoutResult(tx -> {
            if (distributions.moveTo(current, DistributionStatus.FAILED, null, null, reason)) {
                events.record(current.organizationId(), FAILED, "asset", current.videoId().toString(),
                        payload(current, DistributionStatus.FAILED, reason));
            }
        });
    }

    static Map<String, Object> payload(Distribution distribution, DistributionStatus status, String error) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("id", distribution.id().toString());
        data.put("asset_id", distribution.videoId().toString());
        data.put("destination", distribution.destination());
        data.put("status", status.wire());
        data.put("external_id", distribution.externalId());
        data.put("url", distribution.url());
        data.put("error", error);
        return data;
    }

    private interface GoogleCall<T> {
        T run() throws IOException;
    }

    /** Google's client errors as {@link YouTubeApiError}, so they get the same reasons as the upload's. */
    private static <T> T execute(GoogleCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (GoogleJsonResponseException e) {
            throw YouTubeApiError.from(e.getStatusCode(), e.getContent() != null ? e.getContent() : "{}");
        }
    }
}
