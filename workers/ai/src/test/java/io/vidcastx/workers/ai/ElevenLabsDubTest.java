package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.dubbing.AudioTrackStatus;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingAccounts;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.HlsAudio;
import io.vidcastx.core.dubbing.LocalDubbingTools;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.JobQueue;
import io.vidcastx.core.queue.Queues;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.db.jooq.tables.records.JobsRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DUB job with the ElevenLabs provider, through the real worker, HTTP client and packaging,
 * against a local server speaking ElevenLabs' wire format: the multipart upload, polling, the
 * download, and each refusal (401, 402, 422, 429 with Retry-After) leaving the video as it was,
 * with the reason on the track.
 */
@SpringBootTest(classes = AiWorkerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElevenLabsDubTest {

    static Path dir;
    static ElevenLabsStub stub;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("elevenlabs-test-");
        AiWorkerTestSettings.register(registry);
        stub = ElevenLabsStub.shared();
    }

    @Autowired
    DSLContext dsl;
    @Autowired
    JobQueue queue;
    @Autowired
    StorageService storage;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TranscriptStore transcripts;
    @Autowired
    AudioTrackStore tracks;
    @Autowired
    DubbingAccounts accounts;
    @Autowired
    FfmpegBinaries binaries;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    LocalDubbingTools tools;

    private OrganizationId organization;
    private ReadyVideos videos;
    private VideoId shared;

    @BeforeAll
    void setUp() {
        videos = new ReadyVideos(binaries, runner, storage, dsl, dir);
        organization = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization)
                .set(ORGANIZATIONS.NAME, "ElevenLabs Test").set(ORGANIZATIONS.SLUG, "el-" + organization).execute();
        accounts.setElevenLabsKey(organization, ElevenLabsStub.GOOD_KEY);
        // What ElevenLabs sends back: MP3, as long as the video.
        stub.dubbedMp3 = bytes(videos.ffmpeg("dubbed.mp3", List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", "sine=frequency=660:sample_rate=44100:duration=5", "-c:a", "libmp3lame", "-b:a", "64k")));
        shared = videos.ready(organization, videos.source("shared.mp4", 5, true), 5, true);
    }

    @Test
    void a_video_is_uploaded_polled_and_its_dubbed_sound_packaged_like_a_local_dub() throws Exception {
        stub.reset(ElevenLabsStub.Mode.OK);
        VideoId id = videos.ready(organization, videos.source("spanish.mp4", 5, true), 5, true);
        transactions.executeWithoutResult(status -> transcripts.publish(transcripts.replace(organization, id, "en",
                "test", "upload", List.of(new Cue(500, 2_000, "Good morning."), new Cue(2_500, 4_000, "Thank you.")),
                0L)));

        var job = finished(dub(id, "es", true));

        assertThat(job.getStatus()).as(job.getLastError()).isEqualTo("completed");
        var upload = stub.uploads.getFirst();
        assertThat(upload.apiKey()).isEqualTo(ElevenLabsStub.GOOD_KEY);
        assertThat(upload.fields()).containsEntry("source_lang", "en").containsEntry("target_lang", "es")
                .containsEntry("num_speakers", "0").containsEntry("watermark", "false")
                .containsEntry("drop_background_audio", "false");
        assertThat(upload.fileName()).isEqualTo("source.mp3");
        assertThat(upload.fileType()).isEqualTo("audio/mpeg");
        assertThat(upload.file().length).isGreaterThan(10_000); // five seconds at 128 kb/s
        assertThat(stub.requests).containsSubsequence("POST /v1/dubbing", "GET /v1/dubbing/dub_1",
                "GET /v1/dubbing/dub_1", "GET /v1/dubbing/dub_1/audio/es");

        var track = tracks.find(organization, id, "es").orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.READY);
        assertThat(track.error()).isNull();
        String master = text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("LANGUAGE=\"es\",DEFAULT=NO,AUTOSELECT=YES,URI=\"" + track.folder() + "/index.m3u8\"");
        // Cut like the video: as many segments, with the video's durations.
        var videoSegments = HlsAudio.segmentDurations(text(StorageKeys.hlsFile(id, "240p/index.m3u8")));
        assertThat(HlsAudio.segmentDurations(text(StorageKeys.hlsFile(id, HlsAudio.playlistPath(track.folder())))))
                .isEqualTo(videoSegments);
        Path m4a = dir.resolve("es.m4a");
        storage.downloadFile(StorageKeys.hlsFile(id, track.folder() + "/" + HlsAudio.DOWNLOAD), m4a);
        var probe = runner.run(binaries.ffprobe(), List.of("-v", "error", "-show_entries", "stream=codec_name:format=duration",
                "-of", "default=noprint_wrappers=1", m4a.toString()), dir, Duration.ofMinutes(1), null, () -> false);
        assertThat(probe).contains("codec_name=aac");
        double seconds = Double.parseDouble(probe.stream().filter(l -> l.startsWith("duration=")).findFirst()
                .orElseThrow().substring("duration=".length()));
        assertThat(seconds).isBetween(4.8, 5.2);
        if (tools.mode("en", "es").isPresent()) {
            assertThat(transcripts.forVideo(organization, id)).anySatisfy(t -> {
                assertThat(t.language()).isEqualTo("es");
                assertThat(t.source()).isEqualTo("translation");
                assertThat(transcripts.cues(organization, t.id())).extracting(Cue::text).contains("Buenos días.");
            });
            assertThat(track.note()).isNull();
        }
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_no_transcript_means_no_subtitles_with_a_note() throws Exception {
        stub.reset(ElevenLabsStub.Mode.RATE_LIMITED_ONCE);

        var job = finished(dub(shared, "de", false));

        assertThat(job.getStatus()).as(job.getLastError()).isEqualTo("completed");
        assertThat(stub.postTimes).hasSize(2);
        assertThat(Duration.ofNanos(stub.postTimes.get(1) - stub.postTimes.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(stub.uploads.getFirst().fields()).containsEntry("source_lang", "auto")
                .containsEntry("drop_background_audio", "true");
        var track = tracks.find(organization, shared, "de").orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.READY);
        assertThat(track.note()).contains("No translated subtitles", "no transcript");
    }

    @Test
    void a_wrong_key_fails_with_a_401_reason_and_the_video_stays_as_it_was() throws Exception {
        stub.reset(ElevenLabsStub.Mode.OK);
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other)
                .set(ORGANIZATIONS.NAME, "Wrong Key").set(ORGANIZATIONS.SLUG, "wk-" + other).execute();
        accounts.setElevenLabsKey(other, "sk_revoked");
        VideoId id = videos.ready(other, videos.source("wrongkey.mp4", 2, true), 2, true);
        String master = text(StorageKeys.hlsMaster(id));

        transactions.executeWithoutResult(status -> tracks.request(other, id, "fr", "Français",
                DubbingProvider.ELEVENLABS, null, false));
        var job = finished(transactions.execute(status -> queue.enqueue(Queues.AI_JOBS, new AIJobData(id, AIJobType.DUB, "fr"))));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getAttempts()).isEqualTo(1);
        assertThat(tracks.find(other, id, "fr").orElseThrow().error())
                .contains("refused the organization's API key (401: invalid_api_key; Invalid API key)", "Settings › General");
        assertThat(text(StorageKeys.hlsMaster(id))).isEqualTo(master);
    }

    @Test
    void no_quota_left_fails_with_a_402_reason() throws Exception {
        assertRefused(ElevenLabsStub.Mode.QUOTA, "it", "no quota left for this dub (402: quota_exceeded; This request exceeds",
                "Add credits");
    }

    @Test
    void an_unprocessable_request_fails_with_a_422_reason() throws Exception {
        assertRefused(ElevenLabsStub.Mode.UNPROCESSABLE, "pl", "(422: body.target_lang: Value error, unsupported language)");
    }

    @Test
    void a_429_that_does_not_pass_fails_after_its_retries_with_the_wait() throws Exception {
        assertRefused(ElevenLabsStub.Mode.RATE_LIMITED, "nl", "limiting this account's requests (429: "
                + "too_many_concurrent_requests", "after 2 tries", "wait 1 s");
        assertThat(stub.postTimes).hasSize(2);
    }

    @Test
    void a_dub_elevenlabs_reports_failed_fails_with_its_error() throws Exception {
        assertRefused(ElevenLabsStub.Mode.FAILS, "ko", "ElevenLabs could not dub the video: Source audio contains no speech.");
    }

    @Test
    void removing_the_track_while_elevenlabs_works_stops_the_polling_and_leaves_nothing_behind() throws Exception {
        stub.reset(ElevenLabsStub.Mode.NEVER_DONE);
        String master = text(StorageKeys.hlsMaster(shared));
        JobId job = dub(shared, "sv", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> stub.polls() >= 2);

        var track = tracks.find(organization, shared, "sv").orElseThrow();
        transactions.executeWithoutResult(status -> tracks.delete(organization, track.id()));

        assertThat(finished(job).getStatus()).isEqualTo("completed");
        int polled = stub.polls();
        assertThat(stub.requests).noneMatch(r -> r.contains("/audio/"));
        assertThat(text(StorageKeys.hlsMaster(shared))).isEqualTo(master);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> stub.polls() == polled);
    }

    /** Each case dubs its own language: the queue keeps one job per video and language, with its attempts. */
    private void assertRefused(ElevenLabsStub.Mode mode, String language, String... reason) throws Exception {
        stub.reset(mode);
        String master = text(StorageKeys.hlsMaster(shared));

        var job = finished(dub(shared, language, false));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getAttempts()).isEqualTo(1);
        var track = tracks.find(organization, shared, language).orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.ERRORED);
        assertThat(track.error()).contains(reason);
        assertThat(text(StorageKeys.hlsMaster(shared))).isEqualTo(master).doesNotContain("LANGUAGE=\"" + language + "\"");
    }

    private JobId dub(VideoId id, String language, boolean keepBackground) {
        transactions.executeWithoutResult(status -> tracks.request(organization, id, language, language,
                DubbingProvider.ELEVENLABS, null, keepBackground));
        return transactions.execute(status -> queue.enqueue(Queues.AI_JOBS, new AIJobData(id, AIJobType.DUB, language)));
    }

    private JobsRecord finished(JobId job) {
        return videos.finished(job, Duration.ofSeconds(60));
    }

    private String text(String key) {
        return videos.text(key);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
