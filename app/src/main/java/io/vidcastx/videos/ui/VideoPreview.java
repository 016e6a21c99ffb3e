package io.vidcastx.videos.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/** The HLS player (hls.js, with a quality menu), from {@code frontend/src/player.js}. */
public class VideoPreview extends Div {

    private final String src;
    private final String poster;
    private final double startAt;
    private String envKey = "";
    private String videoRef = "";

    public VideoPreview(String src, String poster) {
        this(src, poster, 0);
    }

    /** @param startAt where playback starts, in seconds (a link to a moment, e.g. from transcript search) */
    public VideoPreview(String src, String poster, double startAt) {
        this.src = src;
        this.poster = poster;
        this.startAt = startAt;
        addClassName("video-preview");
    }

    /** Jumps to {@code seconds} and plays from there. */
    public void seek(double seconds) {
        getElement().executeJs("const p = this.__vidcastxPlayer; if (p) { p.video.currentTime = $0; "
                + "p.video.play().catch(() => {}); }", seconds);
    }

    /** Reports this player's views to Analytics (mux-embed) under the organization's environment key. */
    public void reportViews(String envKey, String videoRef) {
        this.envKey = envKey;
        this.videoRef = videoRef;
    }

    public String src() {
        return src;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/player.js");
        getElement().executeJs("VidcastxPlayer.mount(this, {src: $0, poster: $1, qualityMenu: true, startAt: $2,"
                + " analytics: $3 ? {envKey: $3, videoId: $4, playerName: 'vidcastx-dashboard'} : undefined})", src, poster,
                startAt, envKey, videoRef);
    }
}
