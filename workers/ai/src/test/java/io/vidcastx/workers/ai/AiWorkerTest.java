package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.TRANSCRIPTS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.captions.WebVtt;
import io.vidcastx.core.media.FfmpegBinaries;
import io.vidcastx.core.media.MediaProcessRunner;
import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.AIJobType;
import io.vidcastx.core.queue.EnqueueOptions;
import io.vidcastx.core.queue.JobContext;
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
 * The AI worker on the embedded servers, real FFmpeg and real whisper.cpp with a generated model:
 * from an {@code ai-jobs} job to transcript rows, a WebVTT file, a subtitle rendition in the master
 * playlist and the track event.
 */
@SpringBootTest(classes = AiWorkerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AiWorkerTest {

    static Path dir;
    static Path model;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("ai-worker-test-");
        model = AiWorkerTestSettings.register(registry);
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
    FfmpegBinaries binaries;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    TranscribeJobHandler handler;
    @Autowired
    AiProperties settings;

    private OrganizationId organization;
    private ReadyVideos videos;

    @BeforeAll
    void setUp() {
        videos = new ReadyVideos(binaries, runner, storage, dsl, dir);
        organization = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization)
                .set(ORGANIZATIONS.NAME, "AI Test").set(ORGANIZATIONS.SLUG, "ai-" + organization).execute();
    }

    private JobId transcribe(VideoId id, String language) {
        return transactions.execute(status -> queue.enqueue(Queues.AI_JOBS, new AIJobData(id, AIJobType.TRANSCRIBE, language)));
    }

    private JobsRecord finished(JobId job) {
        await().atMost(Duration.ofSeconds(60)).until(() -> dsl.fetchSingle(JOBS, JOBS.JOB_ID.eq(job)).getStatus(),
                status -> status.equals("completed") || status.equals("failed"));
        return dsl.fetchSingle(JOBS, JOBS.JOB_ID.eq(job));
    }

    private String text(String key) throws Exception {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_ready_video_gets_a_transcript_a_webvtt_file_a_subtitle_rendition_and_an_event() throws Exception {
        VideoId id = videos.ready(organization, videos.source("tones.mp4", 24, true), 24, true);

        var job = finished(transcribe(id, null));

        assertThat(job.getStatus()).as(job.getLastError()).isEqualTo("completed");
        assertThat(job.getProgress()).isEqualTo(100);
        var transcript = transcripts.forVideo(organization, id).getFirst();
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.name()).isEqualTo("English");
        assertThat(transcript.model()).isEqualTo("ggml-test.en.bin (whisper custom 64x1, English only)");
        assertThat(transcript.source()).isEqualTo("whisper");

        var cues = transcripts.cues(organization, transcript.id());
        assertThat(cues).isNotEmpty().allSatisfy(cue -> assertThat(cue.endMs()).isBetween(cue.startMs(), 24_000L));
        assertThat(cues.stream().map(Cue::startMs).toList()).isSorted();
        assertThat(cues.getLast().startMs()).as("later windows are transcribed too").isGreaterThan(7_000);

        // The cues are aligned with the MPEG-TS clock of the video's own segments.
        Path segment = dir.resolve(id + "/240p/segment_000.ts");
        long firstTick = videos.startTicks(segment);
        assertThat(firstTick).isPositive();
        assertThat(transcript.mpegtsOffset()).isEqualTo(firstTick);

        String vtt = text(StorageKeys.captions(id, "en"));
        assertThat(vtt).startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:" + firstTick + ",LOCAL:00:00:00.000\n");
        assertThat(WebVtt.parse(vtt)).isEqualTo(cues);

        String subtitles = text(StorageKeys.hlsFile(id, "subtitles/en.m3u8"));
        assertThat(subtitles).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXTINF:24.000,\nen.vtt\n", "#EXT-X-ENDLIST");
        String master = text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
                + "DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/en.m3u8\"\n#EXT-X-STREAM-INF:");
        assertThat(master).contains("RESOLUTION=320x240,SUBTITLES=\"subs\"\n240p/index.m3u8");

        var event = dsl.selectFrom(EVENTS).where(EVENTS.OBJECT_ID.eq(id.toString()),
                EVENTS.TYPE.eq("video.asset.track.ready")).fetchSingle();
        assertThat(event.getData().data().replace(" ", "")).contains("\"type\":\"text\"", "\"text_type\":\"subtitles\"",
                "\"language_code\":\"en\"", "\"status\":\"ready\"", "\"id\":\"" + transcript.id() + "\"",
                "\"asset_id\":\"" + id + "\"");

        // Done again (a repeated delivery, or on demand): the same single track, not a second one.
        assertThat(finished(transcribe(id, null)).getStatus()).isEqualTo("completed");
        assertThat(dsl.fetchCount(TRANSCRIPTS, TRANSCRIPTS.VIDEO_ID.eq(id))).isEqualTo(1);
        assertThat(text(StorageKeys.hlsMaster(id)).split("TYPE=SUBTITLES", -1)).hasSize(2);
    }

    @Test
    void a_requested_language_is_kept() throws Exception {
        VideoId id = videos.ready(organization, videos.source("fixed.mp4", 4, true), 4, true);

        assertThat(finished(transcribe(id, "de")).getStatus()).isEqualTo("completed");

        assertThat(transcripts.forVideo(organization, id)).singleElement()
                .satisfies(t -> assertThat(t.language()).isEqualTo("de"))
                .satisfies(t -> assertThat(t.name()).isEqualTo("German"));
        assertThat(text(StorageKeys.captions(id, "de"))).startsWith("WEBVTT");
    }

    @Test
    void a_missing_model_fails_the_job_at_once_with_what_to_do_and_nothing_else_breaks() throws Exception {
        VideoId id = videos.ready(organization, videos.source("no-model.mp4", 3, true), 3, true);
        Path aside = dir.resolve("aside.bin");
        Files.move(model, aside);
        JobsRecord job;
        try {
            job = finished(transcribe(id, null));
        } finally {
            Files.move(aside, model, StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getAttempts()).as("no pointless retries").isEqualTo(1);
        assertThat(job.getLastError()).contains("The Whisper model file " + model + " does not exist",
                "put it at " + model);
        assertThat(dsl.fetchSingle(VIDEOS, VIDEOS.VIDEO_ID.eq(id)).getStatus()).isEqualTo("ready");
        assertThat(storage.stat(StorageKeys.hlsMaster(id))).isPresent();
        assertThat(text(StorageKeys.hlsMaster(id))).doesNotContain("SUBTITLES");

        // With the model back, the same video transcribes.
        assertThat(finished(transcribe(id, null)).getStatus()).isEqualTo("completed");
    }

    @Test
    void a_video_without_sound_fails_with_a_reason() {
        VideoId id = videos.ready(organization, videos.source("silent.mp4", 2, false), 2, false);

        var job = finished(transcribe(id, null));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getLastError()).contains("no audio track");
        assertThat(job.getAttempts()).isEqualTo(1);
    }

    @Test
    void a_deleted_video_is_skipped() {
        VideoId id = videos.ready(organization, videos.source("gone.mp4", 2, true), 2, true);
        dsl.deleteFrom(VIDEOS).where(VIDEOS.VIDEO_ID.eq(id)).execute();

        assertThat(finished(transcribe(id, null)).getStatus()).isEqualTo("completed");
        assertThat(dsl.fetchCount(TRANSCRIPTS, TRANSCRIPTS.VIDEO_ID.eq(id))).isZero();
    }

    private int trackEvents(VideoId id) {
        return dsl.fetchCount(EVENTS, EVENTS.OBJECT_ID.eq(id.toString()).and(EVENTS.TYPE.eq("video.asset.track.ready")));
    }

    @Test
    void a_job_delivered_again_after_a_person_edited_its_transcript_leaves_the_edit_alone() {
        VideoId id = videos.ready(organization, videos.source("redelivered.mp4", 4, true), 4, true);
        JobId job = transcribe(id, null);
        assertThat(finished(job).getStatus()).isEqualTo("completed");
        var transcript = transcripts.forVideo(organization, id).getFirst();
        var edited = List.of(new Cue(0, 1_000, "Corrected by hand"));
        Boolean saved = transactions.execute(status -> transcripts.update(organization, transcript.id(),
                transcript.version(), edited));
        assertThat(saved).isTrue();

        // Its completion was lost after the transcript committed: the same job runs again.
        dsl.update(JOBS).set(JOBS.STATUS, "failed").where(JOBS.JOB_ID.eq(job)).execute();
        Boolean requeued = transactions.execute(status -> queue.retry(job));
        assertThat(requeued).isTrue();
        assertThat(finished(job).getStatus()).isEqualTo("completed");

        var after = transcripts.forVideo(organization, id).getFirst();
        assertThat(after.edited()).isTrue();
        assertThat(transcripts.cues(organization, after.id())).isEqualTo(edited);
        assertThat(trackEvents(id)).as("the track was made once").isEqualTo(1);
        var usage = io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
        assertThat(dsl.select(usage.QUANTITY).from(usage).where(usage.METRIC.eq("ai_minutes")
                .and(usage.SOURCE_KEY.eq("transcribe:" + job))).fetch(usage.QUANTITY))
                .as("AI minutes metered once for the job").singleElement()
                .satisfies(minutes -> assertThat(minutes).isCloseTo(4 / 60.0, org.assertj.core.data.Offset.offset(0.01)));

        // A transcription asked for after the edit replaces it, as the dashboard warns.
        assertThat(finished(transcribe(id, null)).getStatus()).isEqualTo("completed");
        assertThat(transcripts.forVideo(organization, id).getFirst().edited()).isFalse();
    }

    @Test
    void a_job_whose_lease_was_taken_over_commits_nothing() throws Exception {
        VideoId id = videos.ready(organization, videos.source("taken-over.mp4", 3, true), 3, true);
        var data = new AIJobData(id, AIJobType.TRANSCRIBE, null);
        // Queued far in the future so that only this test runs it, as a worker that lost the job would.
        JobId job = transactions.execute(status -> queue.enqueue(Queues.AI_JOBS, data,
                EnqueueOptions.delayed(Duration.ofDays(1))));
        var lostLease = new JobContext() {
            public JobId jobId() {
                return job;
            }

            public int attempt() {
                return 1;
            }

            public int maxAttempts() {
                return 5;
            }

            public void reportProgress(int percent) {
            }

            public boolean isCancelled() {
                return false; // no heartbeat noticed yet
            }

            public boolean confirmLease() {
                return false; // the database says another worker has it
            }
        };

        assertThatThrownBy(() -> handler.handle(data, lostLease))
                .isInstanceOf(SpeechRecognizer.TranscriptionCancelledException.class);
        assertThat(dsl.fetchCount(TRANSCRIPTS, TRANSCRIPTS.VIDEO_ID.eq(id))).isZero();
        assertThat(trackEvents(id)).isZero();
        assertThat(text(StorageKeys.hlsMaster(id))).doesNotContain("SUBTITLES");
    }

    @Test
    void a_video_whose_audio_track_is_a_blip_fails_at_once_with_a_reason() {
        Path blip = videos.ffmpeg("blip.mp4", List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.05",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        VideoId id = videos.ready(organization, blip, 2, true);

        var job = finished(transcribe(id, null));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getLastError()).contains("The audio track is empty or silent");
        assertThat(job.getAttempts()).isEqualTo(1);
    }

    /** RMS of PCM samples [from, to). */
    private static double loudness(PcmAudio audio, long from, int count) {
        float[] samples = audio.read(from, count);
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }

    @Test
    void sound_that_starts_after_the_picture_keeps_its_place_in_the_extracted_audio() {
        Path late = videos.ffmpeg("late-sound.mp4", List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=3", "-itsoffset", "0.5", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100:duration=2", "-map", "0:v", "-map", "1:a", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));

        try (var audio = new PcmAudio(videos.pcm(late, "late-sound.f32"))) {
            int rate = PcmAudio.SAMPLE_RATE;
            assertThat(loudness(audio, 0, rate * 4 / 10)).as("silence before the sound starts").isLessThan(0.001);
            assertThat(loudness(audio, rate * 6 / 10, rate * 4 / 10)).as("the tone from 0.5 s").isGreaterThan(0.05);
        }
    }

    @Test
    void only_input_that_cannot_be_decoded_fails_extraction_for_good() throws Exception {
        var extraction = new AudioExtraction(binaries, runner, settings);
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "this is not a video");
        assertThatThrownBy(() -> extraction.extract(garbage, dir.resolve("garbage.f32"), null, p -> { }, () -> false))
                .isInstanceOf(io.vidcastx.core.queue.PermanentJobFailure.class)
                .hasMessageContaining("could not be decoded");

        // The output cannot be written (here: it is a folder; in life: a full disk): worth another attempt.
        Path source = videos.source("unwritable.mp4", 1, true);
        Path folder = Files.createDirectories(dir.resolve("unwritable.f32"));
        assertThatThrownBy(() -> extraction.extract(source, folder, null, p -> { }, () -> false))
                .isInstanceOf(io.vidcastx.core.media.FfmpegException.class);
    }
}
