package io.vidcastx.videos.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.videos.VideoDetail;

/** The video page's links to its files: the HLS playlists, the MP4 and the thumbnail, once it is ready. */
final class AssetFiles extends Div {

    AssetFiles(VideoDetail detail, String base) {
        addClassName("asset-files");
        if (detail.status() != VideoStatus.READY) {
            add(new Paragraph("Files appear here once the video is ready."));
            return;
        }
        String stream = base + "/stream/" + detail.playbackId();
        add(link("HLS master playlist", stream + ".m3u8"));
        for (var rendition : detail.renditions()) {
            String label = rendition.kind().equals("video")
                    ? String.format(Locale.ROOT, "%s rendition (%dx%d)", rendition.name(), rendition.width(), rendition.height())
                    : rendition.name() + " rendition";
            add(link(label, stream + "/" + rendition.name() + "/index.m3u8"));
        }
        if (detail.width() != null) {
            add(link("MP4 (highest quality)", stream + "/highest.mp4?download=" + detail.playbackId()));
            add(link("Thumbnail (JPEG)", base + "/image/" + detail.playbackId() + "/thumbnail.jpg"));
        }
    }

    private static Div link(String label, String href) {
        var anchor = new Anchor(href, label);
        anchor.setTarget("_blank");
        return new Div(anchor);
    }
}
