package io.vidcastx.workers.ai;

import static io.vidcastx.db.jooq.Tables.EVENTS;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.captions.WebVtt;
import io.vidcastx.core.dubbing.AudioTrackStatus;
import io.vidcastx.core.dubbing.AudioTrackStore;
import io.vidcastx.core.dubbing.DubbingProvider;
import io.vidcastx.core.dubbing.ExternalProgram;
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
 * The DUB job with the local provider on the embedded servers, real FFmpeg, whisper.cpp (test
 * model), apertium and espeak-ng: from English speech to a Spanish HLS audio rendition, Spanish
 * subtitles and the track event; and each kind of bad input leaving the video playable.
 */
@SpringBootTest(classes = AiWorkerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DubJobTest {

    static Path dir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("dub-test-");
        AiWorkerTestSettings.register(registry);
    }

    /** Known English text on known cues, with silence between them. */
    static final List<Cue> ENGLISH = List.of(new Cue(500, 2_400, "Good morning."),
            new Cue(3_000, 4_200, "The cat sleeps on the warm chair in the house of my friend."),
            new Cue(5_600, 7_400, "Thank you very much."));

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
    FfmpegBinaries binaries;
    @Autowired
    MediaProcessRunner runner;
    @Autowired
    LocalDubbingTools tools;

    private OrganizationId organization;
    private ReadyVideos videos;

    @BeforeAll
    void setUp() {
        videos = new ReadyVideos(binaries, runner, storage, dsl, dir);
        organization = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, organization)
                .set(ORGANIZATIONS.NAME, "Dub Test").set(ORGANIZATIONS.SLUG, "dub-" + organization).execute();
    }

    private void assumeToolsForSpanish() {
        assumeThat(tools.espeakVoices()).as("espeak-ng is not installed (apt-get install espeak-ng): skipped")
                .isNotEmpty();
        assumeThat(tools.mode("en", "es")).as("apertium-eng-spa is not installed (apt-get install apertium "
                + "apertium-eng-spa): skipped").isPresent();
    }

    /** English speech from espeak-ng, as a ready video of {@code seconds}. */
    private VideoId spokenVideo(String name, int seconds) throws Exception {
        Path wav = dir.resolve(name + ".wav");
        ExternalProgram.run(List.of("espeak-ng", "-v", "en", "--stdin", "-w", wav.toString()),
                "Good morning. The cat sleeps on the warm chair. Thank you very much.", Duration.ofSeconds(30));
        Path source = videos.ffmpeg(name + ".mp4", List.of("-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=" + seconds, "-i", wav.toString(), "-af", "apad",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50", "-c:a", "aac",
                "-t", Integer.toString(seconds)));
        return videos.ready(organization, source, seconds, true);
    }

    private JobsRecord finished(JobId job) {
        await().atMost(Duration.ofSeconds(90)).until(() -> dsl.fetchSingle(JOBS, JOBS.JOB_ID.eq(job)).getStatus(),
                status -> status.equals("completed") || status.equals("failed"));
        return dsl.fetchSingle(JOBS, JOBS.JOB_ID.eq(job));
    }

    private JobId enqueue(VideoId id, AIJobType type, String language) {
        return transactions.execute(status -> queue.enqueue(Queues.AI_JOBS, new AIJobData(id, type, language)));
    }

    private JobId dub(VideoId id, String language, String name, boolean keepBackground) {
        transactions.executeWithoutResult(status -> tracks.request(organization, id, language, name,
                DubbingProvider.LOCAL, null, keepBackground));
        return enqueue(id, AIJobType.DUB, language);
    }

    private void setTranscript(VideoId id, List<Cue> cues) {
        var transcript = transcripts.forVideo(organization, id).getFirst();
        transactions.executeWithoutResult(status -> {
            assertThat(transcripts.update(organization, transcript.id(), transcript.version(), cues)).isTrue();
            transcripts.publish(transcripts.find(organization, transcript.id()).orElseThrow());
        });
    }

    private String text(String key) throws Exception {
        try (InputStream in = storage.getFileStream(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The video's HLS output copied to a local folder, as a player would see it. */
    private Path localCopy(VideoId id) throws Exception {
        Path out = Files.createDirectories(dir.resolve("copy-" + id));
        String prefix = StorageKeys.hlsFolder(id);
        for (var object : storage.list(prefix)) {
            Path file = out.resolve(object.key().substring(prefix.length()));
            Files.createDirectories(file.getParent());
            storage.downloadFile(object.key(), file);
        }
        // The captions live beside the HLS output; the stream controller serves them under subtitles/.
        for (var transcript : transcripts.forVideo(organization, id)) {
            storage.downloadFile(StorageKeys.captions(id, transcript.language()),
                    out.resolve("subtitles/" + transcript.language() + ".vtt"));
        }
        return out;
    }

    private List<String> ffprobe(String... args) {
        return runner.run(binaries.ffprobe(), List.of(args), dir, Duration.ofMinutes(1), null, () -> false);
    }

    @Test
    void english_speech_is_dubbed_into_spanish_as_an_audio_rendition_with_spanish_subtitles() throws Exception {
        assumeToolsForSpanish();
        VideoId id = spokenVideo("spoken", 8);
        assertThat(finished(enqueue(id, AIJobType.TRANSCRIBE, "en")).getStatus()).isEqualTo("completed");
        setTranscript(id, ENGLISH);

        var job = finished(dub(id, "es", "Español", false));

        assertThat(job.getStatus()).as(job.getLastError()).isEqualTo("completed");
        var track = tracks.find(organization, id, "es").orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.READY);
        assertThat(track.progress()).isEqualTo(100);
        String folder = track.folder();
        assertThat(folder).matches("dub[0-9a-f]{8}");

        // The master: the original stays DEFAULT, Spanish is an alternative rendition, variants name the group.
        String master = text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English\",LANGUAGE=\"en\","
                        + "DEFAULT=YES,AUTOSELECT=YES\n",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Español\",LANGUAGE=\"es\",DEFAULT=NO,AUTOSELECT=YES,"
                        + "URI=\"" + folder + "/index.m3u8\"\n",
                "RESOLUTION=320x240,SUBTITLES=\"subs\",AUDIO=\"audio\"\n240p/index.m3u8");
        assertThat(master).contains("LANGUAGE=\"es\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/es.m3u8\"");

        // Spanish subtitles carry apertium's own translation of each cue, at the same times.
        var spanish = WebVtt.parse(text(StorageKeys.captions(id, "es")));
        assertThat(spanish).hasSize(3);
        for (int i = 0; i < ENGLISH.size(); i++) {
            String expected = ExternalProgram.run(List.of("apertium", "-u", "eng-spa"), ENGLISH.get(i).text() + "\n",
                    Duration.ofSeconds(30)).strip().replaceAll("\\s+([.,;:!?])", "$1");
            assertThat(spanish.get(i)).isEqualTo(new Cue(ENGLISH.get(i).startMs(), ENGLISH.get(i).endMs(), expected));
        }
        assertThat(spanish.getFirst().text()).isEqualTo("Buenos días.");

        // The audio segments start where the video's do, and the playlists list the same durations.
        Path local = localCopy(id);
        assertThat(HlsAudio.segmentDurations(Files.readString(local.resolve(folder + "/index.m3u8"))))
                .isEqualTo(HlsAudio.segmentDurations(Files.readString(local.resolve("240p/index.m3u8"))));
        // Segment 1 of each starts together: the video's is cut at a frame, the audio's within an AAC frame of it.
        double videoCut = Double.parseDouble(ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=start_time", "-of", "csv=p=0", local.resolve("240p/" + HlsAudio.segmentName(1)).toString())
                .getFirst().strip());
        double audioCut = Double.parseDouble(ffprobe("-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0",
                local.resolve(folder + "/" + HlsAudio.segmentName(1)).toString()).getFirst().strip());
        assertThat(audioCut).isCloseTo(videoCut, org.assertj.core.data.Offset.offset(0.025));

        // ffprobe reads the master and lists both audio programs: the variant's own and the Spanish one.
        var streams = ffprobe("-v", "error", "-show_entries", "stream=codec_type:stream_tags=language", "-of", "csv=p=0",
                local.resolve("master.m3u8").toString());
        assertThat(streams).contains("audio,en", "audio,es");

        // hls.js in Chromium lists both audio tracks and switches to Spanish while the video keeps playing.
        var browser = hlsJsInChromium(local, "es");
        if (browser != null) {
            assertThat(browser).contains("{\"name\":\"English\",\"lang\":\"en\",\"default\":true,\"url\":null}",
                    "{\"name\":\"Español\",\"lang\":\"es\",\"default\":false,\"url\":", "\"index\":1",
                    "\"switchedTo\":1", "\"selected\":1", "\"fatal\":[]", "\"errors\":[]");
            var numbers = java.util.regex.Pattern.compile("\"before\":([0-9.]+),\"after\":([0-9.]+)").matcher(browser);
            assertThat(numbers.find()).as(browser).isTrue();
            assertThat(Double.parseDouble(numbers.group(2))).as("currentTime advances after the switch")
                    .isGreaterThan(Double.parseDouble(numbers.group(1)) + 0.5);
        }

        // Every spoken cue starts within 100 ms of its cue.
        Path pcm = dir.resolve("dubbed-" + id + ".s16");
        runner.run(binaries.ffmpeg(), List.of("-nostdin", "-y", "-loglevel", "error", "-i",
                local.resolve(folder + "/index.m3u8").toString(), "-f", "s16le", "-ac", "1", "-ar", "8000",
                pcm.toString()), dir, Duration.ofMinutes(1), line -> { }, () -> false);
        var samples = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        for (var cue : ENGLISH) {
            int from = (int) ((cue.startMs() - 400) * 8);
            int onset = from;
            while (onset < samples.limit() && Math.abs(samples.get(onset)) < 1_000) {
                onset++;
            }
            assertThat(onset / 8.0).as("speech of the cue at %d ms", cue.startMs())
                    .isCloseTo(cue.startMs(), org.assertj.core.data.Offset.offset(100.0));
        }

        var event = dsl.selectFrom(EVENTS).where(EVENTS.OBJECT_ID.eq(id.toString()),
                EVENTS.TYPE.eq("video.asset.track.ready"), org.jooq.impl.DSL.field("data::text", String.class)
                        .contains("\"audio\"")).fetchSingle();
        assertThat(event.getData().data().replace(" ", "")).contains("\"type\":\"audio\"", "\"language_code\":\"es\"",
                "\"status\":\"ready\"", "\"id\":\"" + track.id() + "\"", "\"asset_id\":\"" + id + "\"");

        // Dubbed again with the original sound kept under it: the new rendition replaces the old one whole.
        assertThat(finished(dub(id, "es", "Español", true)).getStatus()).isEqualTo("completed");
        String newFolder = tracks.find(organization, id, "es").orElseThrow().folder();
        assertThat(newFolder).isNotEqualTo(folder);
        String after = text(StorageKeys.hlsMaster(id));
        assertThat(after.split("TYPE=AUDIO", -1)).hasSize(3);
        assertThat(after).contains("URI=\"" + newFolder + "/index.m3u8\"").doesNotContain(folder);
        assertThat(storage.list(StorageKeys.hlsFolder(id) + folder + "/")).isEmpty();

        // AI minutes: each dub is metered once, at the video's length, beside the transcription.
        var usage = io.vidcastx.db.jooq.Tables.USAGE_RECORDS;
        var dubs = dsl.select(usage.QUANTITY).from(usage).where(usage.ORGANIZATION_ID.eq(organization)
                .and(usage.METRIC.eq("ai_minutes")).and(usage.SOURCE_KEY.like("dub:%"))).fetch(usage.QUANTITY);
        double minutes = dsl.select(io.vidcastx.db.jooq.Tables.VIDEOS.DURATION_SECONDS).from(io.vidcastx.db.jooq.Tables.VIDEOS)
                .where(io.vidcastx.db.jooq.Tables.VIDEOS.VIDEO_ID.eq(id)).fetchSingle().value1() / 60.0;
        assertThat(dubs).hasSize(2).allSatisfy(quantity ->
                assertThat(quantity).isCloseTo(minutes, org.assertj.core.data.Offset.offset(0.001)));
    }

    @Test
    void an_empty_transcript_fails_the_dub_with_a_reason_and_the_video_plays_as_before() throws Exception {
        assumeToolsForSpanish();
        VideoId id = spokenVideo("empty", 3);
        assertThat(finished(enqueue(id, AIJobType.TRANSCRIBE, "en")).getStatus()).isEqualTo("completed");
        setTranscript(id, List.of());
        String master = text(StorageKeys.hlsMaster(id));

        var job = finished(dub(id, "es", "Español", false));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(job.getAttempts()).isEqualTo(1);
        var track = tracks.find(organization, id, "es").orElseThrow();
        assertThat(track.status()).isEqualTo(AudioTrackStatus.ERRORED);
        assertThat(track.error()).contains("The transcript is empty");
        assertThat(text(StorageKeys.hlsMaster(id))).isEqualTo(master);
    }

    @Test
    void a_language_without_an_installed_pair_fails_with_what_to_install() throws Exception {
        assumeThat(tools.mode("en", "sw")).isEmpty();
        VideoId id = spokenVideo("swahili", 3);
        assertThat(finished(enqueue(id, AIJobType.TRANSCRIBE, "en")).getStatus()).isEqualTo("completed");
        setTranscript(id, ENGLISH.subList(0, 1));

        var job = finished(dub(id, "sw", "Kiswahili", false));

        assertThat(job.getStatus()).isEqualTo("failed");
        assertThat(tracks.find(organization, id, "sw").orElseThrow().error())
                .contains("No installed apertium language pair translates 'en' into 'sw'");
        assertThat(text(StorageKeys.hlsMaster(id))).doesNotContain("TYPE=AUDIO");
    }

    @Test
    void a_video_without_a_transcript_is_transcribed_before_it_is_dubbed() throws Exception {
        assumeToolsForSpanish();
        VideoId id = spokenVideo("untranscribed", 3);

        var job = finished(dub(id, "es", "Español", false));

        // The test model writes gibberish that apertium passes through; what matters is the order of work.
        assertThat(transcripts.forVideo(organization, id)).extracting(t -> t.language() + "/" + t.source())
                .contains("en/whisper");
        assertThat(job.getStatus()).as(job.getLastError()).isIn("completed", "failed");
        if (job.getStatus().equals("failed")) {
            assertThat(tracks.find(organization, id, "es").orElseThrow().error()).contains("transcript is empty");
        }
    }

    /** The browser script's JSON report, or null (with the reason printed) when Node or Chromium is missing. */
    private static String hlsJsInChromium(Path folder, String language) throws Exception {
        Path modules = Path.of("..", "..", "frontend", "node_modules").toAbsolutePath().normalize();
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isDirectory(modules.resolve("playwright-core"))) {
            System.out.println("Skipped the hls.js check: Chromium (apt-get install chromium) or frontend/node_modules "
                    + "(playwright-core, hls.js) is missing");
            return null;
        }
        var process = new ProcessBuilder("node", Path.of("src/test/node/browser-dub-audio-tracks.cjs").toAbsolutePath()
                .toString(), folder.toString(), modules.resolve("hls.js/dist/hls.min.js").toString(), language)
                .redirectErrorStream(true);
        process.environment().put("NODE_PATH", modules.toString());
        var started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(output).isZero();
        return output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElse(output);
    }
}
