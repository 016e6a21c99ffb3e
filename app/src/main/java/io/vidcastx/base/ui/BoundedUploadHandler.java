package io.vidcastx.base.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Takes an uploaded file into memory, but never more than {@code maxBytes} of it: a larger file is
 * refused after {@code maxBytes + 1} bytes were read. The browser's size check is a courtesy only;
 * a hand-made request could otherwise stream gigabytes into the heap.
 */
public final class BoundedUploadHandler implements UploadHandler {

    private final int maxBytes;
    private final String whyLess;
    private final BiConsumer<String, byte[]> received;
    private final Consumer<String> refused;

    /**
     * @param whyLess  the end of the refusal "file.x is larger than 1 MB; ...": why a real file is smaller
     * @param received gets the file name and content, in the UI's session
     * @param refused  gets the reason a file was refused, in the UI's session
     */
    public BoundedUploadHandler(int maxBytes, String whyLess, BiConsumer<String, byte[]> received,
                                Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.whyLess = whyLess;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        Optional<byte[]> content;
        try (InputStream in = event.getInputStream()) {
            content = readAtMost(in, maxBytes);
        }
        String fileName = event.getFileName();
        var ui = event.getUI();
        if (content.isEmpty()) {
            String reason = fileName + " is larger than " + maxBytes / (1024 * 1024) + " MB; " + whyLess;
            event.reject(reason);
            ui.access(() -> refused.accept(reason));
            return;
        }
        ui.access(() -> received.accept(fileName, content.get()));
    }

    /** The stream's bytes, or empty when it holds more than {@code maxBytes} (then {@code maxBytes + 1} were read). */
    public static Optional<byte[]> readAtMost(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }
}
