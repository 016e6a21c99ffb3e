package io.vidcastx.videos.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;

/**
 * Drag-and-drop and file-picker uploads over TUS, with per-file progress, speed, time left, Pause,
 * Resume and Cancel. The browser side is {@code frontend/src/uploader.js} (tus-js-client), served as a
 * static file: no Vaadin re-bundle.
 */
public class UploadArea extends Div {

    private final String endpoint;
    private final long maxSize;

    public UploadArea(String endpoint, long maxSize) {
        this.endpoint = endpoint;
        this.maxSize = maxSize;
        addClassName("upload-area");
    }

    public long maxSize() {
        return maxSize;
    }

    public Registration addUploadFinishedListener(ComponentEventListener<UploadFinishedEvent> listener) {
        return addListener(UploadFinishedEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJavaScript("context://vidcastx/vidcastx.js");
        getElement().executeJs("window.Vidcastx.mountUploader(this, {endpoint: $0, maxSize: $1})", endpoint, maxSize);
    }

    /** Called by the browser when a file's upload completed; its video now exists. */
    @ClientCallable
    void uploadFinished(String fileName) {
        fireEvent(new UploadFinishedEvent(this, fileName));
    }

    /** A file finished uploading in this browser. */
    public static class UploadFinishedEvent extends ComponentEvent<UploadArea> {

        private final String fileName;

        public UploadFinishedEvent(UploadArea source, String fileName) {
            super(source, true);
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }
}
