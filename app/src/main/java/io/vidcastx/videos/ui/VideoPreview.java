package io.vidcastx.videos.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/** The HLS player (hls.js, with a quality menu), from {@code frontend/src/player.js}. */
public class VideoPreview extends Div {

    private final String src;
    private final String poster;

    public VideoPreview(String src, String poster) {
        this.src = src;
        this.poster = poster;
        addClassName("video-preview");
    }

    public String src() {
        return src;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/player.js");
        getElement().executeJs("VidcastxPlayer.mount(this, {src: $0, poster: $1, qualityMenu: true})", src, poster);
    }
}
