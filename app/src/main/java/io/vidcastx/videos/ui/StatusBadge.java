package io.vidcastx.videos.ui;

import com.vaadin.flow.component.html.Span;
import io.vidcastx.videos.VideoListItem;

/** Processing (with its percentage), Ready, or Failed, as a Lumo badge. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(VideoListItem video) {
        var badge = new Span();
        badge.getElement().getThemeList().add("badge");
        switch (video.status()) {
            case PROCESSING -> {
                badge.setText(video.progress() > 0 ? "Processing " + video.progress() + "%" : "Processing");
                badge.getElement().getThemeList().add("contrast");
            }
            case READY -> {
                badge.setText("Ready");
                badge.getElement().getThemeList().add("success");
            }
            case FAILED -> {
                badge.setText("Failed");
                badge.getElement().getThemeList().add("error");
                if (video.errorReason() != null) {
                    badge.getElement().setAttribute("title", video.errorReason());
                }
            }
        }
        return badge;
    }
}
