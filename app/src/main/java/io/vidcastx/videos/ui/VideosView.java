package io.vidcastx.videos.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.uploads.UploadService;
import io.vidcastx.videos.VideoListItem;
import io.vidcastx.videos.VideoService;
import io.vidcastx.videos.VideoStatusBroadcaster;
import jakarta.annotation.security.PermitAll;

/** The organization's videos, newest first, with the upload area on top; rows follow transcoding live. */
@Route("videos")
@PageTitle("Videos | Vidcastx")
@Menu(title = "Videos", order = 1)
@PermitAll
final class VideosView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final VideoStatusBroadcaster broadcaster;
    private final Caller caller;
    final UploadArea uploadArea;
    final Grid<VideoListItem> grid = new Grid<>(VideoListItem.class, false);
    private Runnable unsubscribe = () -> { };

    VideosView(VideoService videos, UploadService uploads, CallerResolver callers, VideoStatusBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
        this.caller = callers.current().orElseThrow(() -> new IllegalStateException("Signed in without an organization"));
        addClassName("videos-view");

        uploadArea = new UploadArea("uploads/tus", uploads.maxSize(caller.organizationId()));
        uploadArea.addUploadFinishedListener(event -> grid.getDataProvider().refreshAll());

        grid.addColumn(VideoListItem::title).setKey("title").setHeader("Title").setFlexGrow(3);
        grid.addComponentColumn(StatusBadge::of).setKey("status").setHeader("Status").setAutoWidth(true);
        grid.addColumn(video -> CREATED.format(video.createdAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setKey("created").setHeader("Created at").setAutoWidth(true);
        grid.addColumn(video -> duration(video.durationSeconds())).setKey("duration").setHeader("Duration")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> videos.list(caller.organizationId(), query.getOffset(), query.getLimit()).stream(),
                query -> videos.count(caller.organizationId()));
        grid.setEmptyStateText("No videos yet: drop a file above to upload your first.");
        grid.setSizeFull();

        var intro = new Paragraph("Videos are transcoded to adaptive HLS (1080p, 720p, 480p) as soon as they arrive.");
        intro.addClassName("view-intro");
        add(intro, uploadArea, grid);
        setSizeFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unsubscribe = broadcaster.register(caller.organizationId(), change ->
                ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
    }

    static String duration(Double seconds) {
        if (seconds == null) {
            return "";
        }
        long total = Math.round(seconds);
        return total >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
                : String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }
}
