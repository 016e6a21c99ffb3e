package io.vidcastx.transcripts.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.PagePolling;
import io.vidcastx.base.ui.BoundedUploadHandler;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.Languages;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.storage.StorageException;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.security.Caller;
import io.vidcastx.transcripts.Transcript;
import io.vidcastx.transcripts.TranscriptService;
import io.vidcastx.transcripts.TranscriptionJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The video page's transcript: how the transcription is going, the cues with their times (edit,
 * play from, remove, save), downloads as WebVTT and SRT, a WebVTT upload that replaces a language,
 * and a button that transcribes (again).
 */
public final class TranscriptPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(TranscriptPanel.class);
    private static final String DETECT = "auto";
    private static final int POLL_MS = 2000;

    private final TranscriptService transcripts;
    private final Caller caller;
    private final java.util.function.Supplier<Caller> actor;
    private final VideoId videoId;
    private final DoubleConsumer seek;
    private final boolean editor;

    final Paragraph status = new Paragraph();
    final Select<String> language = new Select<>();
    final Button transcribe = new Button("Transcribe", VaadinIcon.MICROPHONE.create());
    final Select<StoredTranscript> track = new Select<>();
    final VerticalLayout cueList = new VerticalLayout();
    final Button save = new Button("Save captions");
    final Anchor downloadVtt = new Anchor();
    final Anchor downloadSrt = new Anchor();
    final TextField uploadLanguage = new TextField("Language of the uploaded file");
    final Upload upload = new Upload();
    private final List<CueRow> rows = new ArrayList<>();
    private @Nullable Transcript shown;
    private List<StoredTranscript> listed = List.of();
    /** True while {@link #refresh} replaces the track list: that is no choice of the user's. */
    private boolean listing;
    /** The version of the shown transcript whose change was already pointed out. */
    private long changeNoticed = -1;
    private final PagePolling polling = new PagePolling(this, POLL_MS, this::refresh);

    /**
     * @param caller who opened the page: the organization it shows, and whether to offer editing
     * @param actor  who reads or changes, resolved at each refresh and click, so a member removed (or
     *               an organization left) since the page opened stops seeing it at once
     */
    public TranscriptPanel(TranscriptService transcripts, Caller caller, java.util.function.Supplier<Caller> actor,
                           VideoId videoId, DoubleConsumer seek) {
        this.transcripts = transcripts;
        this.caller = caller;
        this.actor = actor;
        this.videoId = videoId;
        this.seek = seek;
        this.editor = caller.may(Role.MEMBER);
        addClassName("transcript-panel");
        setPadding(false);

        language.setLabel("Spoken language");
        var choices = new ArrayList<String>();
        choices.add(DETECT);
        choices.addAll(Languages.WHISPER);
        language.setItems(choices);
        language.setItemLabelGenerator(code -> code.equals(DETECT) ? "Detect automatically"
                : TranscriptStore.languageName(code) + " (" + code + ")");
        language.setValue(DETECT);
        transcribe.addClickListener(click -> requestTranscription());
        var request = new HorizontalLayout(language, transcribe);
        request.setAlignItems(FlexComponent.Alignment.BASELINE);
        request.setVisible(editor);

        track.setLabel("Captions");
        track.setItemLabelGenerator(t -> t.name() + " — " + t.model() + (t.edited() ? ", edited" : ""));
        track.addValueChangeListener(change -> {
            if (!listing && change.getValue() != null) {
                show(transcripts.get(reader(), change.getValue().id()).orElse(null));
            }
        });
        cueList.setPadding(false);
        cueList.setSpacing(false);
        cueList.addClassName("cue-list");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveCues());
        save.setVisible(editor);
        downloadVtt.setText("Download WebVTT");
        downloadSrt.setText("Download SRT");
        // Shown with a transcript only: without one they would be grey, href-less links (axe: contrast).
        downloadVtt.setVisible(false);
        downloadSrt.setVisible(false);
        var downloads = new HorizontalLayout(save, downloadVtt, downloadSrt);
        downloads.setAlignItems(FlexComponent.Alignment.BASELINE);

        uploadLanguage.setValue("en");
        uploadLanguage.setWidth("12em");
        uploadLanguage.setHelperText("e.g. en, de, pt-BR");
        upload.setAcceptedFileTypes(".vtt", "text/vtt");
        upload.setMaxFileSize(TranscriptService.MAX_UPLOAD_BYTES);
        upload.setUploadHandler(new BoundedUploadHandler(TranscriptService.MAX_UPLOAD_BYTES,
                "a caption file is far smaller (a 3-hour film is about 200 kB).", this::uploaded,
                reason -> Notification.show(reason).addThemeVariants(NotificationVariant.LUMO_ERROR)));
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Replace with a WebVTT file (.vtt)"));
        var uploadRow = new HorizontalLayout(uploadLanguage, upload);
        uploadRow.setVisible(editor);

        add(new H2("Transcript"), status, request, track, cueList, downloads, uploadRow);
        refresh();
    }

    /**
     * Reads the transcription job and the list of transcripts again. It runs every two seconds
     * while a transcription is waiting or running, so the cues are read again only when the shown
     * transcript changed, and never over edits not yet saved.
     */
    void refresh() {
        Caller reader;
        try {
            reader = reader();
        } catch (AccessDeniedException e) {
            accessEnded();
            return;
        }
        var job = transcripts.transcription(reader, videoId);
        var tracks = transcripts.list(reader, videoId);
        status.setText(statusText(job.orElse(null), !tracks.isEmpty()));
        status.getElement().setAttribute("data-state", job.map(TranscriptionJob::status).orElse("none"));
        transcribe.setEnabled(job.map(j -> !j.running()).orElse(true));
        updateTracks(tracks);
        updatePolling(job.map(TranscriptionJob::running).orElse(false));
    }

    private void updateTracks(List<StoredTranscript> tracks) {
        track.setVisible(!tracks.isEmpty());
        var current = shown == null ? null
                : tracks.stream().filter(t -> t.id().equals(shown.meta().id())).findFirst().orElse(null);
        var keep = current != null ? current : tracks.isEmpty() ? null : tracks.getFirst();
        if (!tracks.equals(listed)) {
            listed = tracks;
            listing = true;
            try {
                track.setItems(tracks);
                track.setValue(keep);
            } finally {
                listing = false;
            }
        }
        if (keep == null) {
            if (shown != null) {
                show(null);
            }
        } else if (current == null) {
            show(transcripts.get(reader(), keep.id()).orElse(null));
        } else if (current.version() != shown.meta().version()) {
            if (!unsavedEdits()) {
                show(transcripts.get(reader(), current.id()).orElse(null));
            } else if (changeNoticed != current.version()) {
                changeNoticed = current.version();
                Notification.show("These captions were changed meanwhile (a new transcription or another editor). "
                        + "Your edits are kept on screen, but saving them will ask you to reload.");
            }
        }
    }

    /** True when a cue was typed in or removed since the transcript was shown. */
    boolean unsavedEdits() {
        return shown != null && (rows.size() != shown.cues().size() || rows.stream().anyMatch(CueRow::changed));
    }

    private String statusText(@Nullable TranscriptionJob job, boolean hasCaptions) {
        if (job == null) {
            return hasCaptions ? "No transcription has run: these captions were uploaded."
                    : "Not transcribed yet.";
        }
        return switch (job.status()) {
            case "waiting" -> "Waiting for the AI worker…";
            case "active" -> "Transcribing… " + job.progress() + "%";
            case "failed" -> "Transcription failed: " + (job.error() != null ? job.error() : "no reason given");
            default -> "Transcribed.";
        };
    }

    private void show(@Nullable Transcript transcript) {
        shown = transcript;
        rows.clear();
        cueList.removeAll();
        save.setEnabled(transcript != null);
        downloadVtt.setVisible(transcript != null);
        downloadSrt.setVisible(transcript != null);
        if (transcript == null) {
            return;
        }
        for (var cue : transcript.cues()) {
            addRow(cue);
        }
        String base = "captions-" + transcript.meta().language();
        var id = transcript.meta().id();
        downloadVtt.setHref(download(base + ".vtt", "text/vtt", () -> transcripts.vtt(reader(), id)));
        downloadSrt.setHref(download(base + ".srt", "application/x-subrip", () -> transcripts.srt(reader(), id)));
    }

    private void addRow(Cue cue) {
        var row = new CueRow[1];
        row[0] = new CueRow(cue, seek, editor, () -> {
            rows.remove(row[0]);
            cueList.remove(row[0]);
        });
        rows.add(row[0]);
        cueList.add(row[0]);
    }

    /** The rows as cues, or a message naming the first wrong one. */
    List<Cue> editedCues() {
        var cues = new ArrayList<Cue>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                cues.add(rows.get(i).cue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cue " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return cues;
    }

    private void saveCues() {
        if (shown == null) {
            return;
        }
        try {
            transcripts.save(actor.get(), shown.meta().id(), shown.meta().version(), editedCues());
            Notification.show("Captions saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(transcripts.get(reader(), shown.meta().id()).orElse(null));
            refresh();
        } catch (IllegalArgumentException | OptimisticLockingFailureException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (DataAccessException | StorageException e) {
            failed("The captions could not be saved", e);
        }
    }

    private void requestTranscription() {
        try {
            String chosen = language.getValue();
            transcripts.transcribe(actor.get(), videoId, chosen == null || chosen.equals(DETECT) ? null : chosen);
            Notification.show(shown == null ? "Transcription queued"
                    : "Transcription queued; it will replace the captions in its language, edits included");
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void uploaded(String fileName, byte[] bytes) {
        try {
            var stored = transcripts.upload(actor.get(), videoId, uploadLanguage.getValue().strip(), fileName, bytes);
            Notification.show("Captions in " + stored.name() + " replaced from " + fileName)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(transcripts.get(reader(), stored.id()).orElse(null));
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (DataAccessException | StorageException e) {
            failed("The captions could not be uploaded", e);
        }
    }

    /** The database or storage failed: nothing was changed (the transaction rolled back), and the user may try again. */
    private static void failed(String what, RuntimeException e) {
        log.warn("{}: {}", what, e.toString());
        Notification.show(what + " because the database or storage did not answer; nothing was changed. Try again "
                + "in a moment.").addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static DownloadHandler download(String fileName, String contentType, java.util.function.Supplier<String> body) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType + "; charset=utf-8",
                    bytes.length);
        });
    }

    /** While a transcription runs, the page asks for its progress every two seconds. */
    private void updatePolling(boolean running) {
        polling.follow(running);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    /**
     * Who reads now: the signed-in person, while still a member of the organization the page was
     * opened for (removed from it, the session falls back to another of theirs).
     *
     * @throws AccessDeniedException when they are not
     */
    private Caller reader() {
        Caller now;
        try {
            now = actor.get();
        } catch (IllegalStateException e) {
            throw new AccessDeniedException("Signed in without an organization");
        }
        // An actor that is not pinned to the page's organization may answer for another one.
        if (!now.organizationId().equals(caller.organizationId())) {
            throw new AccessDeniedException("No longer a member of this organization");
        }
        return now;
    }

    /** Removed from the organization, or signed out: stop asking, and show nothing more. */
    private void accessEnded() {
        updatePolling(false);
        shown = null;
        rows.clear();
        removeAll();
        add(new Paragraph("You no longer have access to this video's transcript."));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polling.stop(detachEvent.getUI());
    }
}
