package io.vidcastx.videos.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.DashboardPlaybackTokens;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.uploads.UploadService;
import io.vidcastx.videos.VideoFilter;
import io.vidcastx.videos.VideoListItem;
import io.vidcastx.videos.VideoService;
import io.vidcastx.videos.VideoSort;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.videos.VideoStatusBroadcaster;
import jakarta.annotation.security.PermitAll;

/**
 * The organization's videos: status tabs with counts, title search, sorting, multi-select delete,
 * and the upload area on top. Rows follow transcoding live, pushed from the workers.
 */
@Route("videos")
@PageTitle("Videos | Vidcastx")
@Menu(title = "Videos", order = 1, icon = "vaadin:film")
@PermitAll
final class VideosView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final VideoService videos;
    private final VideoStatusBroadcaster broadcaster;
    private final Caller caller;
    private final CallerResolver callers;
    private final DashboardPlaybackTokens dashboardTokens;
    final UploadArea uploadArea;
    final io.vidcastx.billing.ui.QuotaNotice quotaNotice;
    final Grid<VideoListItem> grid = new Grid<>(VideoListItem.class, false);
    final Tabs tabs = new Tabs();
    final Map<Tab, VideoStatus> tabStatus = new java.util.LinkedHashMap<>();
    final TextField search = new TextField();
    final Button deleteSelected = new Button("Delete selected", VaadinIcon.TRASH.create());
    private Runnable unsubscribe = () -> { };
    /** Counts per status for the current search: the tabs show them and the grid's size comes from them. */
    private Map<VideoStatus, Integer> counts = Map.of();

    VideosView(VideoService videos, UploadService uploads, CallerResolver callers, VideoStatusBroadcaster broadcaster,
               DashboardPlaybackTokens dashboardTokens, io.vidcastx.billing.UsageService usage) {
        this.videos = videos;
        this.dashboardTokens = dashboardTokens;
        this.broadcaster = broadcaster;
        this.callers = callers;
        this.caller = callers.signedIn();
        addClassName("videos-view");

        uploadArea = new UploadArea("uploads/tus", uploads.maxSize(caller.organizationId()));
        uploadArea.addUploadFinishedListener(event -> refresh());
        uploadArea.setVisible(caller.may(Role.MEMBER));

        for (String label : List.of("All", "Processing", "Ready", "Failed")) {
            var tab = new Tab(label);
            tabs.add(tab);
            tabStatus.put(tab, label.equals("All") ? null : VideoStatus.valueOf(label.toUpperCase(Locale.ROOT)));
        }
        tabs.addSelectedChangeListener(event -> refresh());
        // vaadin-tabs keeps a focusable scroll <div tabindex="-1"> between its role="tablist" and the tabs, so
        // assistive technology (and axe-core's aria-required-children rule) sees a tablist holding a non-tab.
        // The div is static in the component's template: dropping the attribute once per attach holds.
        tabs.addAttachListener(attach -> tabs.getElement().executeJs(
                "Promise.resolve(this.updateComplete).then(() => this.shadowRoot.querySelector('[part=tabs]').removeAttribute('tabindex'))"));
        search.setPlaceholder("Search by title");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> refresh());
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.setEnabled(false);
        deleteSelected.setVisible(caller.may(Role.MEMBER));
        deleteSelected.addClickListener(click -> confirmDelete());

        configureGrid();
        var toolbar = new HorizontalLayout(tabs, search, deleteSelected);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.CENTER);
        toolbar.expand(tabs);
        // A used-up hard limit: the same words as the API's 402, and a link to upgrade.
        quotaNotice = new io.vidcastx.billing.ui.QuotaNotice(usage, caller.organizationId());
        quotaNotice.setVisible(quotaNotice.isVisible() && caller.may(Role.MEMBER));
        add(quotaNotice, uploadArea, toolbar, grid);
        setSizeFull();
        refresh();
    }

    private void configureGrid() {
        grid.addComponentColumn(this::thumbnail).setKey("thumbnail").setHeader("").setWidth("96px").setFlexGrow(0);
        grid.addColumn(VideoListItem::title).setKey("title").setHeader("Title").setFlexGrow(3).setSortable(true);
        grid.addComponentColumn(StatusBadge::of).setKey("status").setHeader("Status").setAutoWidth(true);
        grid.addColumn(video -> CREATED.format(video.createdAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setKey("created").setHeader("Created at").setAutoWidth(true).setSortable(true);
        grid.addColumn(video -> duration(video.durationSeconds())).setKey("duration").setHeader("Duration")
                .setAutoWidth(true).setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        if (caller.may(Role.MEMBER)) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(event -> deleteSelected.setEnabled(!event.getAllSelectedItems().isEmpty()));
        } else {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
        }
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(VideoDetailView.class,
                new com.vaadin.flow.router.RouteParameters("videoId", event.getItem().id().toString()))));
        // Read as whoever is signed in now, while still a member of this organization: live updates and
        // scrolling must stop showing its videos to someone removed from it.
        grid.setItems(query -> callers.within(caller.organizationId()).map(reader -> videos.list(reader, filter(),
                        sort(query.getSortOrders()), query.getOffset(), query.getLimit())).orElse(java.util.List.of()).stream(),
                query -> {
                    var status = filter().status();
                    return status == null ? counts.values().stream().mapToInt(Integer::intValue).sum()
                            : counts.getOrDefault(status, 0);
                });
        grid.setEmptyStateText("No videos here yet. Drop a file above to upload one.");
        grid.setSizeFull();
    }

    void refresh() {
        var reader = callers.within(caller.organizationId());
        if (reader.isEmpty()) {
            unsubscribe.run();
            unsubscribe = () -> { };
            counts = Map.of();
            tabStatus.forEach((tab, status) -> tab.setLabel(label(status)));
            grid.getDataProvider().refreshAll();
            return;
        }
        counts = videos.countByStatus(reader.get(), search.getValue());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        tabStatus.forEach((tab, status) -> tab.setLabel(label(status) + " (" + (status == null ? total : counts.get(status)) + ")"));
        grid.getDataProvider().refreshAll();
    }

    VideoFilter filter() {
        return new VideoFilter(tabStatus.get(tabs.getSelectedTab()), search.getValue());
    }

    private void confirmDelete() {
        var selected = grid.getSelectedItems();
        var dialog = new ConfirmDialog("Delete " + selected.size() + (selected.size() == 1 ? " video?" : " videos?"),
                "Their files, renditions and playback links are removed for good.", "Delete", confirm -> {
            int deleted = videos.delete(callers.signedIn(), selected.stream().map(VideoListItem::id).toList());
            grid.deselectAll();
            refresh();
            Notification.show(deleted + (deleted == 1 ? " video deleted" : " videos deleted"));
        }, "Cancel", cancel -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private static VideoSort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return VideoSort.NEWEST;
        }
        var order = orders.getFirst();
        boolean ascending = order.getDirection() == SortDirection.ASCENDING;
        return switch (order.getSorted()) {
            case "title" -> ascending ? VideoSort.TITLE : VideoSort.TITLE_DESCENDING;
            case "duration" -> ascending ? VideoSort.SHORTEST : VideoSort.LONGEST;
            default -> ascending ? VideoSort.OLDEST : VideoSort.NEWEST;
        };
    }

    private com.vaadin.flow.component.Component thumbnail(VideoListItem video) {
        if (video.status() != VideoStatus.READY || video.width() == null) {
            var placeholder = new Span(VaadinIcon.FILM.create());
            placeholder.addClassName("thumbnail-placeholder");
            return placeholder;
        }
        // A signed video's picture needs a token: the dashboard's own, short-lived, for this member only.
        String token = video.signed() ? "&token=" + dashboardTokens.thumbnail(caller, video.playbackId()) : "";
        var image = new Image("image/" + video.playbackId() + "/thumbnail.jpg?width=160" + token, video.title());
        image.addClassName("thumbnail");
        return image;
    }

    private static String label(VideoStatus status) {
        return status == null ? "All" : status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unsubscribe = broadcaster.register(caller.organizationId(), change -> ui.access(this::refresh));
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
