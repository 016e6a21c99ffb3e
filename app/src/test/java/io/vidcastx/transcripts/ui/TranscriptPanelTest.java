package io.vidcastx.transcripts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.JOBS;
import static io.vidcastx.db.jooq.Tables.VIDEOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.WebVtt;
import io.vidcastx.core.storage.StorageKeys;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.testing.TestData;
import io.vidcastx.transcripts.TranscriptFixtures;
import io.vidcastx.transcripts.TranscriptTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The transcript editor on the video page, browserless (Karibu), on the real database and storage. */
class TranscriptPanelTest extends TranscriptTestSupport {


    private final List<Cue> cues = List.of(new Cue(0, 2_500, "Welcome to the launch"),
            new Cue(2_500, 6_000, "Here is the new camera"), new Cue(6_000, 9_000, "It films in the dark"));

    private TranscriptPanel open(VideoId id) {
        startUi();
        UI.getCurrent().navigate("videos/" + id);
        return _get(TranscriptPanel.class);
    }

    private CueRow row(TranscriptPanel panel, int index) {
        return (CueRow) panel.cueList.getComponentAt(index);
    }

    @Test
    void the_cues_are_listed_with_their_times() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        fixtures.transcript(organization, id, "en", cues);

        var panel = open(id);

        assertThat(panel.cueList.getComponentCount()).isEqualTo(3);
        assertThat(row(panel, 1).start.getValue()).isEqualTo("00:00:02.500");
        assertThat(row(panel, 1).end.getValue()).isEqualTo("00:00:06.000");
        assertThat(row(panel, 1).text.getValue()).isEqualTo("Here is the new camera");
        assertThat(panel.track.getValue().name()).isEqualTo("English");
        assertThat(panel.status.getText()).isEqualTo("No transcription has run: these captions were uploaded.");
        assertThat(panel.downloadVtt.getHref()).isNotBlank();
    }

    @Test
    void editing_a_cue_and_saving_rewrites_the_webvtt_file() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        fixtures.transcript(organization, id, "en", cues);
        String before = fixtures.text(StorageKeys.captions(id, "en"));
        var panel = open(id);

        row(panel, 1).text.setValue("Here is the new <b>camera</b> & lens");
        row(panel, 2).start.setValue("00:00:06.250");
        _click(row(panel, 0).remove);
        _click(panel.save);

        String after = fixtures.text(StorageKeys.captions(id, "en"));
        assertThat(after).isNotEqualTo(before)
                .startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:" + TranscriptFixtures.OFFSET + ",LOCAL:00:00:00.000\n")
                .contains("00:00:02.500 --> 00:00:06.000\nHere is the new &lt;b&gt;camera&lt;/b&gt; &amp; lens\n")
                .contains("00:00:06.250 --> 00:00:09.000\nIt films in the dark")
                .doesNotContain("Welcome");
        // What was typed is text, not markup: it comes back as typed.
        assertThat(WebVtt.parse(after)).extracting(Cue::text)
                .containsExactly("Here is the new <b>camera</b> & lens", "It films in the dark");
        var saved = store.forVideo(organization, id).getFirst();
        assertThat(saved.edited()).isTrue();
        assertThat(store.cues(organization, saved.id())).hasSize(2);
        assertThat(panel.cueList.getComponentCount()).isEqualTo(2);
        assertThat(panel.track.getValue().model()).contains("whisper base");
        NotificationsKt.expectNotifications("Captions saved");
    }

    @Test
    void a_wrong_time_is_named_and_nothing_is_saved() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        fixtures.transcript(organization, id, "en", cues);
        String before = fixtures.text(StorageKeys.captions(id, "en"));
        var panel = open(id);

        row(panel, 2).end.setValue("00:00:05.000"); // before its start
        row(panel, 0).start.setValue("soon");
        _click(panel.save);

        NotificationsKt.expectNotifications("Cue 1: \"soon\" is not a time such as 00:01:02.500");
        assertThat(fixtures.text(StorageKeys.captions(id, "en"))).isEqualTo(before);
        row(panel, 0).start.setValue("00:00:00.000");
        _click(panel.save);
        NotificationsKt.expectNotifications("Cue 3: A cue ends (00:00:05.000) before it starts (00:00:06.000)");
        assertThat(fixtures.text(StorageKeys.captions(id, "en"))).isEqualTo(before);
    }

    @Test
    void uploading_a_webvtt_file_replaces_the_captions_and_adds_the_track_to_the_playlist() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        fixtures.transcript(organization, id, "en", cues);
        var panel = open(id);

        panel.uploadLanguage.setValue("fr");
        UploadKt._upload(panel.upload, "lancement.vtt", "text/vtt", ("WEBVTT\n\nNOTE translated\n\n00:01.000 --> 00:03.000\n"
                + "<v Ada>Bienvenue au lancement\n\nintro\n00:00:03.000 --> 00:00:05.500 align:start\nVoici la caméra\n")
                .getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        assertThat(WebVtt.parse(fixtures.text(StorageKeys.captions(id, "fr")))).containsExactly(
                new Cue(1_000, 3_000, "Bienvenue au lancement"), new Cue(3_000, 5_500, "Voici la caméra"));
        String master = fixtures.text(StorageKeys.hlsMaster(id));
        assertThat(master).contains("LANGUAGE=\"en\",DEFAULT=YES", "NAME=\"French\",LANGUAGE=\"fr\",DEFAULT=NO",
                "URI=\"subtitles/fr.m3u8\"", "SUBTITLES=\"subs\"");
        assertThat(panel.track.getValue().language()).isEqualTo("fr");
        assertThat(panel.cueList.getComponentCount()).isEqualTo(2);

        UploadKt._upload(panel.upload, "notes.srt", "text/vtt",
                "1\n00:00:01,000 --> 00:00:02,000\nHello\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
        NotificationsKt.expectNotifications("Captions in French replaced from lancement.vtt",
                "The file does not start with \"WEBVTT\", so it is not a WebVTT file (it looks like SRT: convert it to WebVTT first).");
        assertThat(WebVtt.parse(fixtures.text(StorageKeys.captions(id, "fr")))).hasSize(2);
    }

    @Test
    void transcribing_on_demand_queues_a_job_and_the_page_shows_its_progress_and_failure() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        var panel = open(id);

        panel.language.setValue("de");
        _click(panel.transcribe);

        var job = dsl.selectFrom(JOBS).where(JOBS.QUEUE.eq("ai-jobs"),
                JOBS.PAYLOAD.cast(String.class).contains(id.toString())).fetchSingle();
        assertThat(job.getPayload().data().replace(" ", "")).contains("\"type\":\"TRANSCRIBE\"", "\"language\":\"de\"");
        assertThat(panel.status.getText()).isEqualTo("Waiting for the AI worker…");
        assertThat(panel.transcribe.isEnabled()).isFalse();

        dsl.update(JOBS).set(JOBS.STATUS, "active").set(JOBS.PROGRESS, 42).where(JOBS.JOB_ID.eq(job.getJobId())).execute();
        panel.refresh();
        assertThat(panel.status.getText()).isEqualTo("Transcribing… 42%");

        String reason = "The Whisper model file /models/ggml-base.en.bin does not exist. Download ggml-base.en.bin ...";
        dsl.update(JOBS).set(JOBS.STATUS, "failed").set(JOBS.LAST_ERROR, reason).where(JOBS.JOB_ID.eq(job.getJobId())).execute();
        panel.refresh();
        assertThat(panel.status.getText()).isEqualTo("Transcription failed: " + reason);
        assertThat(panel.transcribe.isEnabled()).isTrue();
    }

    @Test
    void a_viewer_reads_the_transcript_but_cannot_change_it() {
        signInWithRole(Role.VIEWER);
        var id = fixtures.readyVideo(organization, "Launch");
        fixtures.transcript(organization, id, "en", cues);

        var panel = open(id);

        assertThat(panel.cueList.getComponentCount()).isEqualTo(3);
        assertThat(row(panel, 0).text.isReadOnly()).isTrue();
        assertThat(panel.save.isVisible()).isFalse();
        assertThat(panel.transcribe.isVisible() && panel.transcribe.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(panel.upload.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void a_video_without_sound_cannot_be_queued() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Silent");
        dsl.update(VIDEOS).set(VIDEOS.HAS_AUDIO, false).where(VIDEOS.VIDEO_ID.eq(id)).execute();
        var panel = open(id);

        _click(panel.transcribe);

        NotificationsKt.expectNotifications("The video has no sound to transcribe");
        assertThat(dsl.fetchCount(JOBS, JOBS.PAYLOAD.cast(String.class).contains(id.toString()))).isZero();
    }

    /** What the browser does every two seconds while a transcription waits or runs. */
    private static void poll() {
        var ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    @Test
    void polling_while_a_transcription_waits_keeps_unsaved_edits_and_shows_other_changes_otherwise() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        StoredTranscript stored = fixtures.transcript(organization, id, "en", cues);
        var panel = open(id);
        _click(panel.transcribe);
        NotificationsKt.expectNotifications(
                "Transcription queued; it will replace the captions in its language, edits included");

        row(panel, 1).text.setValue("Typed, not saved yet");
        poll();
        assertThat(row(panel, 1).text.getValue()).isEqualTo("Typed, not saved yet");

        // Saved elsewhere meanwhile: the typing stays on screen, and the user is told.
        store.update(organization, stored.id(), stored.version(), List.of(new Cue(0, 1_000, "Changed elsewhere")));
        poll();
        poll();
        assertThat(row(panel, 1).text.getValue()).isEqualTo("Typed, not saved yet");
        NotificationsKt.expectNotifications("These captions were changed meanwhile (a new transcription or another "
                + "editor). Your edits are kept on screen, but saving them will ask you to reload.");

        // With nothing typed, the next poll shows the change.
        row(panel, 1).text.setValue("Here is the new camera");
        poll();
        assertThat(panel.cueList.getComponentCount()).isEqualTo(1);
        assertThat(row(panel, 0).text.getValue()).isEqualTo("Changed elsewhere");
    }

    @Test
    void a_cue_of_two_lines_keeps_its_line_break_when_the_transcript_is_saved() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Dialogue");
        var stored = fixtures.transcript(organization, id, "en",
                List.of(new Cue(0, 2_000, "ADA: Hello\nBOB: Hi"), new Cue(2_000, 4_000, "Bye")));
        var panel = open(id);

        row(panel, 1).text.setValue("Goodbye");
        _click(panel.save);

        assertThat(store.cues(organization, stored.id()))
                .containsExactly(new Cue(0, 2_000, "ADA: Hello\nBOB: Hi"), new Cue(2_000, 4_000, "Goodbye"));
    }

    @Test
    void a_nul_character_typed_into_a_cue_is_dropped_instead_of_failing_the_page() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        var stored = fixtures.transcript(organization, id, "en", cues);
        var panel = open(id);

        row(panel, 0).text.setValue("Welcome\u0000 to the launch");
        _click(panel.save);

        NotificationsKt.expectNotifications("Captions saved");
        assertThat(store.cues(organization, stored.id()).getFirst().text()).isEqualTo("Welcome to the launch");
    }

    @Test
    void captions_cannot_be_uploaded_before_the_video_is_ready() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        var panel = open(id);
        dsl.update(VIDEOS).set(VIDEOS.STATUS, "processing").where(VIDEOS.VIDEO_ID.eq(id)).execute();

        UploadKt._upload(panel.upload, "early.vtt", "text/vtt",
                "WEBVTT\n\n00:01.000 --> 00:03.000\nToo early\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);

        NotificationsKt.expectNotifications("Captions can be uploaded once the video is ready");
        assertThat(store.forVideo(organization, id)).isEmpty();
    }

    @Test
    void a_caption_file_over_5_mb_is_refused_whatever_the_browser_checked() {
        signInAsOwner();
        var id = fixtures.readyVideo(organization, "Launch");
        var panel = open(id);
        byte[] huge = ("WEBVTT\n\n00:01.000 --> 00:03.000\n" + "x".repeat(5 * 1024 * 1024) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        UploadKt._upload(panel.upload, "huge.vtt", "text/vtt", huge);
        MockVaadin.clientRoundtrip(false);

        NotificationsKt.expectNotifications(
                "huge.vtt is larger than 5 MB; a caption file is far smaller (a 3-hour film is about 200 kB).");
        assertThat(store.forVideo(organization, id)).isEmpty();
    }

    @Test
    void a_member_removed_while_a_transcription_runs_sees_nothing_more_and_polling_stops() {
        signInWithRole(Role.ADMIN);
        var id = fixtures.readyVideo(organization, "Launch");
        StoredTranscript stored = fixtures.transcript(organization, id, "en", cues);
        var panel = open(id);
        _click(panel.transcribe);
        assertThat(UI.getCurrent().getPollInterval()).as("polling while the job waits").isEqualTo(2000);

        var restore = TestData.removeMembership(dsl, "admin@example.com");
        try {
            store.update(organization, stored.id(), stored.version(), List.of(new Cue(0, 1_000, "Said after the removal")));
            poll();

            assertThat(UI.getCurrent().getPollInterval()).as("polling stopped").isEqualTo(-1);
            assertThat(panel.getChildren().map(c -> c.getElement().getText()).toList())
                    .containsExactly("You no longer have access to this video's transcript.");
            assertThat(panel.cueList.isAttached()).isFalse();
        } finally {
            restore.run();
        }
    }
}
