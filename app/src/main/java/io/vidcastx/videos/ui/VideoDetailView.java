package io.vidcastx.videos.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.analytics.AnalyticsService;
import io.vidcastx.analytics.ui.AnalyticsPanels;
import io.vidcastx.base.ui.CopyField;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.developers.DashboardPlaybackTokens;
import io.vidcastx.dubbing.DubbingService;
import io.vidcastx.dubbing.ui.DubbingPanel;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.transcripts.TranscriptService;
import io.vidcastx.transcripts.ui.TranscriptPanel;
import io.vidcastx.videos.VideoDetail;
import io.vidcastx.videos.VideoListItem;
import io.vidcastx.videos.VideoService;
import io.vidcastx.distribution.DistributionStatusBroadcaster;
import io.vidcastx.distribution.PublishService;
import io.vidcastx.distribution.ui.PublishingPanel;
import io.vidcastx.videos.VideoStatusBroadcaster;
import io.vidcastx.core.videos.VideoStatus;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One video: preview, title and description, files, playback id and policy, embed code, retry and
 * delete. It follows transcoding live, pushed from the workers as the list is.
 */
@Route("videos/:videoId")
@PageTitle("Video | Vidcastx")
@PermitAll
final class VideoDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final VideoService videos;
    private final TranscriptService transcripts;
    private final AnalyticsService analytics;
    private final Caller caller;
    private final CallerResolver callers;
    private final VideoStatusBroadcaster broadcaster;
    private final PublishService publishing;
    private final DistributionStatusBroadcaster distributionStatus;
    private final DashboardPlaybackTokens dashboardTokens;
    private final DubbingService dubbing;
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final Button save = new Button("Save");
    final Button retry = new Button("Retry", VaadinIcon.REFRESH.create());
    final Button delete = new Button("Delete video", VaadinIcon.TRASH.create());
    final Select<String> policy = new Select<>();
    private VideoDetail video;
    private double startAt;
    private Span badge = new Span();
    private Runnable unsubscribe = () -> { };

    VideoDetailView(VideoService videos, TranscriptService transcripts, CallerResolver callers,
                    VideoStatusBroadcaster broadcaster, DashboardPlaybackTokens dashboardTokens, AnalyticsService analytics,
                    PublishService publishing, DistributionStatusBroadcaster distributionStatus, DubbingService dubbing) {
        this.dubbing = dubbing;
        this.publishing = publishing;
        this.distributionStatus = distributionStatus;
        this.videos = videos;
        this.analytics = analytics;
        this.dashboardTokens = dashboardTokens;
        this.broadcaster = broadcaster;
        this.transcripts = transcripts;
        this.callers = callers;
        this.caller = callers.signedIn();
        addClassName("video-detail");
        wireActions();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("videoId").flatMap(VideoDetailView::parse);
        var found = id.flatMap(videoId -> videos.get(caller, videoId));
        if (found.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, "No such video");
            return;
        }
        startAt = event.getLocation().getQueryParameters().getSingleParameter("t").map(VideoDetailView::seconds).orElse(0.0);
        show(found.get());
    }

    private void show(VideoDetail detail) {
        this.video = detail;
        removeAll();
        String base = baseUrl();
        String playbackId = detail.playbackId();
        badge = badge(detail);
        var header = new HorizontalLayout(new H2(detail.title()), badge);
        header.setAlignItems(Alignment.CENTER);
        add(new Anchor("videos", "← All videos"), header);

        if (detail.status() == VideoStatus.FAILED) {
            var reason = new Paragraph(detail.errorReason() != null ? detail.errorReason() : "Transcoding failed.");
            reason.addClassName("failure-reason");
            retry.setVisible(caller.may(Role.MEMBER));
            add(reason, retry);
        }
        VideoPreview preview = null;
        if (detail.status() == VideoStatus.READY) {
            // A signed video plays here with the dashboard's own short-lived tokens, for this member only.
            String videoQuery = detail.isSigned() ? "?token=" + dashboardTokens.video(caller, playbackId) : "";
            String pictureQuery = detail.isSigned() ? "?token=" + dashboardTokens.thumbnail(caller, playbackId) : "";
            preview = new VideoPreview("stream/" + playbackId + ".m3u8" + videoQuery,
                    "image/" + playbackId + "/thumbnail.jpg" + pictureQuery, startAt);
            preview.reportViews(analytics.environmentKey(caller), detail.id().toString());
            add(preview);
        }

        title.setValue(detail.title());
        title.setWidthFull();
        description.setValue(detail.description() == null ? "" : detail.description());
        description.setWidthFull();
        boolean editor = caller.may(Role.MEMBER);
        title.setReadOnly(!editor);
        description.setReadOnly(!editor);
        save.setVisible(editor);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, description, save);

        add(new H2("Playback"), new CopyField("Playback ID", playbackId, false));
        policy.setLabel("Playback policy");
        policy.setItems("public", "signed");
        policy.setItemLabelGenerator(p -> p.equals("public") ? "Public: anyone with the link" : "Signed: needs a JWT");
        policy.setValue(detail.playbackPolicy());
        policy.setReadOnly(!editor);
        add(policy);
        String embed = "<iframe src=\"" + base + "/embed/" + playbackId + "\" style=\"width:100%;aspect-ratio:"
                + (detail.aspectRatio() != null ? detail.aspectRatio().replace(':', '/') : "16/9")
                + ";border:0\" allow=\"autoplay; fullscreen; picture-in-picture\" allowfullscreen></iframe>";
        add(new CopyField("Share link", base + "/embed/" + playbackId, false), new CopyField("Embed code", embed, true));

        add(new H2("Asset files"), new AssetFiles(detail, base));
        add(new H2("Analytics"), new AnalyticsPanels(analytics, caller, detail.id().toString()));
        if (detail.status() == VideoStatus.READY) {
            var player = preview;
            add(new TranscriptPanel(transcripts, caller, () -> callers.signedInTo(caller.organizationId()), detail.id(), seconds -> {
                if (player != null) {
                    player.seek(seconds);
                }
            }));
        }
        if (detail.status() == VideoStatus.READY) {
            String pictureToken = detail.isSigned() ? "token=" + dashboardTokens.thumbnail(caller, playbackId) : "";
            add(new PublishingPanel(publishing, distributionStatus, () -> callers.signedInTo(caller.organizationId()),
                    detail.id(), detail.title(), transcripts.list(caller, detail.id()).stream()
                            .map(transcript -> transcript.language()).toList(),
                    detail.width() == null ? null : time -> pictureUrl(playbackId, time, pictureToken),
                    detail.durationSeconds() == null ? 0 : detail.durationSeconds()));
        }
        if (detail.status() == VideoStatus.READY) {
            String tokenQuery = detail.isSigned() ? "?token=" + dashboardTokens.video(caller, playbackId) : "";
            add(new DubbingPanel(dubbing, () -> callers.signedInTo(caller.organizationId()), detail.id(),
                    folder -> "stream/" + playbackId + "/" + folder + "/audio.m4a" + tokenQuery));
        }
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(editor);
        add(delete);
    }

    /** The image API's URL of a small picture of the video: its poster, or the frame at {@code time}. */
    private static String pictureUrl(String playbackId, @Nullable Double time, String tokenParameter) {
        var query = new StringBuilder("?width=320");
        if (time != null) {
            query.append("&time=").append(time.longValue());
        }
        if (!tokenParameter.isEmpty()) {
            query.append('&').append(tokenParameter);
        }
        return "image/" + playbackId + "/thumbnail.jpg" + query;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unsubscribe = broadcaster.register(caller.organizationId(), message -> ui.access(() -> follow(message.videoId())));
        // A change between reading the video and subscribing would otherwise be missed until the next one.
        if (video != null) {
            follow(video.id());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
    }

    /**
     * Shows the video's current state from the database (the worker publishes after it commits): a
     * new percentage moves the badge; a new status rebuilds the page (player, files, transcript),
     * keeping what the person typed but has not saved.
     */
    void follow(VideoId changed) {
        if (video == null || !changed.equals(video.id())) {
            return;
        }
        var fresh = videos.get(caller, changed);
        if (fresh.isEmpty()) {
            return;
        }
        var current = fresh.get();
        if (current.status() == video.status()) {
            if (current.progress() != video.progress()) {
                video = current;
                var replacement = badge(current);
                badge.getParent().ifPresent(header -> ((HorizontalLayout) header).replace(badge, replacement));
                badge = replacement;
            }
            return;
        }
        boolean edited = !title.getValue().equals(video.title())
                || !description.getValue().equals(video.description() == null ? "" : video.description());
        String typedTitle = title.getValue();
        String typedDescription = description.getValue();
        show(current);
        if (edited) {
            title.setValue(typedTitle);
            description.setValue(typedDescription);
        }
    }

    private static Span badge(VideoDetail detail) {
        var badge = StatusBadge.of(listItem(detail));
        badge.addClassName("status-badge");
        return badge;
    }

    private void wireActions() {
        save.addClickListener(click -> {
            try {
                videos.update(callers.signedIn(), video.id(), video.version(), title.getValue(), description.getValue());
                Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                videos.get(caller, video.id()).ifPresent(this::show);
            } catch (IllegalArgumentException | org.springframework.dao.OptimisticLockingFailureException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        retry.addClickListener(click -> {
            videos.retry(callers.signedIn(), video.id());
            Notification.show("Transcoding again");
            videos.get(caller, video.id()).ifPresent(this::show);
        });
        policy.addValueChangeListener(change -> {
            if (change.isFromClient() && video != null) {
                videos.setPlaybackPolicy(callers.signedIn(), video.id(), "signed".equals(change.getValue()));
                Notification.show("Playback is now " + change.getValue());
            }
        });
        delete.addClickListener(click -> {
            var dialog = new ConfirmDialog("Delete \"" + video.title() + "\"?",
                    "Its files and playback links are removed for good.", "Delete", confirm -> {
                videos.delete(callers.signedIn(), java.util.List.of(video.id()));
                getUI().ifPresent(ui -> ui.navigate("videos"));
            }, "Cancel", cancel -> { });
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
    }

    /** Where this dashboard is reached, for links that leave it (embed code, share link, files). */
    private static String baseUrl() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        return request == null ? ""
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
    }

    private static VideoListItem listItem(VideoDetail detail) {
        return new VideoListItem(detail.id(), detail.title(), detail.status(), detail.progress(), detail.durationSeconds(),
                detail.width(), detail.height(), detail.errorReason(), detail.createdAt(), detail.playbackId(), detail.isSigned());
    }

    /** A {@code ?t=} moment: seconds, never negative; anything else starts at the beginning. */
    private static double seconds(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && value > 0 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static java.util.Optional<VideoId> parse(String text) {
        try {
            return java.util.Optional.of(VideoId.parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
