package io.vidcastx.live.ui;

import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import io.vidcastx.accounts.Role;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.live.LiveStream;
import io.vidcastx.live.LiveStreamService;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.videos.ui.VideoPreview;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * One live stream: where to point the encoder (RTMP URL, the masked key with reveal, copy and reset),
 * OBS settings, the live preview and ingest health, past broadcasts, and disable/delete.
 */
@Route("live/stream")
@PageTitle("Live stream | Vidcastx")
@PermitAll
final class LiveStreamView extends VerticalLayout implements HasUrlParameter<String> {

    private final LiveStreamService streams;
    private final CallerResolver callers;
    private final String rtmpUrlSetting;
    private final int rtmpPort;
    private final String rtmpApp;
    private @Nullable UUID id;
    private @Nullable String shownStatus;
    private @Nullable Registration polling;
    // made again by every render, so that listeners never pile up
    PasswordField streamKey = new PasswordField();
    Button copyKey = new Button();
    Button resetKey = new Button();
    Button toggle = new Button();
    Button delete = new Button();

    LiveStreamView(LiveStreamService streams, CallerResolver callers,
                   @Value("${vidcastx.live.public-rtmp-url:}") String rtmpUrlSetting,
                   @Value("${vidcastx.live.rtmp-port:1935}") int rtmpPort, @Value("${vidcastx.live.app:app}") String rtmpApp) {
        this.streams = streams;
        this.callers = callers;
        this.rtmpUrlSetting = rtmpUrlSetting;
        this.rtmpPort = rtmpPort;
        this.rtmpApp = rtmpApp;
        setMaxWidth("960px");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            id = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        render();
    }

    private void render() {
        removeAll();
        Caller caller = callers.signedIn();
        var found = id == null ? null : streams.get(caller, id).orElse(null);
        if (found == null) {
            add(new H2("Live stream not found"), new Anchor("live", "Back to Live"));
            return;
        }
        var stream = found;
        shownStatus = stream.status();
        add(new HorizontalLayout(new H2("Live stream"), LiveView.state(stream)));
        if (stream.lastRefusal() != null && stream.lastRefusedAt() != null) {
            var refusal = new Paragraph("Last encoder refused " + stream.lastRefusedAt().toLocalTime().withNano(0)
                    + " (UTC): " + stream.lastRefusal() + ".");
            refusal.getStyle().set("color", "var(--lumo-error-text-color)");
            add(refusal);
        }

        String server = rtmpServer();
        add(new H3("Encoder"), new CopyField("RTMP server URL", server, false));
        boolean member = caller.may(Role.MEMBER);
        if (member) {
            streamKey = new PasswordField("Stream key");
            copyKey = new Button("Copy key", VaadinIcon.COPY.create());
            resetKey = new Button("Reset key", VaadinIcon.REFRESH.create());
            streamKey.setValue(streams.revealKey(caller, stream.id()));
            streamKey.setReadOnly(true);
            streamKey.setRevealButtonVisible(true);
            streamKey.setWidthFull();
            streamKey.setHelperText("Anyone with this key can broadcast on this stream: keep it secret.");
            copyKey.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            copyKey.getElement().setAttribute("aria-label", "Copy stream key");
            copyKey.addClickListener(click -> copyKey.getElement().executeJs("return window.Vidcastx.copyText($0)", streamKey.getValue())
                    .then(Boolean.class, copied -> Notification.show(copied ? "Stream key copied" : "Reveal the key to copy it")));
            resetKey.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            resetKey.addClickListener(click -> new ConfirmDialog("Reset the stream key?",
                    "Encoders using the current key stop being able to connect: you must paste the new key into OBS or "
                            + "your encoder. A broadcast in progress continues until it disconnects.",
                    "Reset key", yes -> {
                        streams.resetKey(callers.signedIn(), stream.id());
                        Notification.show("New stream key created");
                        render();
                    }, "Cancel", no -> { }).open());
            var keyRow = new HorizontalLayout(streamKey, copyKey, resetKey);
            keyRow.setWidthFull();
            keyRow.setAlignItems(Alignment.BASELINE);
            keyRow.expand(streamKey);
            add(keyRow);
            UI.getCurrent().getPage().addJavaScript("context://vidcastx/vidcastx.js");
        } else {
            add(new Paragraph("Only Members and above see the stream key."));
        }
        add(new Paragraph("OBS: Settings > Stream > Service \"Custom...\", Server: the RTMP server URL above, Stream key: "
                + "the key. Settings > Output: x264 or hardware H.264, rate control CBR, up to 6000 Kbps, keyframe "
                + "interval 2 s, AAC audio 128 Kbps at 48 kHz. The encoder may reconnect within "
                + stream.reconnectWindowSeconds() + " s and the broadcast continues."));

        add(new H3("Preview"));
        var publicId = stream.playbackIds().stream().filter(p -> p.policy().equals("public")).findFirst();
        if (stream.isActive() && publicId.isPresent()) {
            add(new VideoPreview("stream/" + publicId.get().id() + ".m3u8", ""));
        } else {
            add(new Paragraph(stream.isActive() ? "This stream has no public playback ID to preview."
                    : "Not live. Start streaming from your encoder and the preview appears here."));
        }
        if (stream.health() != null) {
            var health = stream.health();
            add(new Paragraph("Ingest: " + value(health.videoKbps(), " Kbps") + ", " + value(health.frameRate(), " fps")
                    + ", " + (health.width() == null ? "resolution unknown" : health.width() + "x" + health.height())
                    + ", " + value(health.droppedFrames(), " dropped frames")));
        }

        add(new H3("Past broadcasts"));
        if (stream.recentAssetIds().isEmpty()) {
            add(new Paragraph(stream.recordingPolicy() == null ? "Broadcasts of this stream are not recorded."
                    : "No finished broadcasts yet."));
        } else {
            var list = new UnorderedList();
            stream.recentAssetIds().forEach(asset -> list.add(new ListItem(new Anchor("videos/" + asset, "Recording " + asset))));
            add(list);
        }

        if (member) {
            boolean disabled = stream.status().equals("disabled");
            toggle = new Button(disabled ? "Enable" : "Disable");
            delete = new Button("Delete", VaadinIcon.TRASH.create());
            toggle.setIcon((disabled ? VaadinIcon.PLAY : VaadinIcon.BAN).create());
            toggle.addClickListener(click -> {
                streams.setEnabled(callers.signedIn(), stream.id(), disabled);
                render();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.addClickListener(click -> new ConfirmDialog("Delete this live stream?",
                    "Its key and playback IDs stop working. Recordings of past broadcasts stay in Videos.",
                    "Delete", yes -> {
                        streams.delete(callers.signedIn(), stream.id());
                        UI.getCurrent().navigate(LiveView.class);
                    }, "Cancel", no -> { }).open());
            add(new HorizontalLayout(toggle, delete));
        }
    }

    private String rtmpServer() {
        if (!rtmpUrlSetting.isBlank()) {
            return rtmpUrlSetting;
        }
        var request = VaadinRequest.getCurrent();
        String host = request == null ? "localhost" : request.getHeader("Host") == null ? "localhost"
                : request.getHeader("Host").replaceFirst(":\\d+$", "");
        return "rtmp://" + host + ":" + rtmpPort + "/" + rtmpApp;
    }

    private static String value(@Nullable Number number, String unit) {
        return number == null ? "unknown" + unit : number + unit;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(LiveView.REFRESH_MILLIS);
        // re-render only when the state changed: a re-render would restart the preview player
        polling = attachEvent.getUI().addPollListener(poll -> {
            var now = id == null ? null : streams.get(callers.signedIn(), id).map(LiveStream::status).orElse(null);
            if (now != null && !now.equals(shownStatus)) {
                render();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
