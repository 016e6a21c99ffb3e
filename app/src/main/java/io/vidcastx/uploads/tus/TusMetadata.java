package io.vidcastx.uploads.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vidcastx.uploads.UploadException;
import org.jspecify.annotations.Nullable;

/** TUS {@code Upload-Metadata}: comma-separated {@code key base64value} pairs. */
final class TusMetadata {

    private TusMetadata() {
    }

    static Map<String, String> parse(@Nullable String header) {
        var values = new LinkedHashMap<String, String>();
        if (header == null || header.isBlank()) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ");
            if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2 || !parts[0].matches("[\\x21-\\x7e&&[^,]]+")) {
                throw new UploadException(UploadException.Reason.BAD_REQUEST, "Upload-Metadata is malformed");
            }
            try {
                values.put(parts[0], parts.length == 2
                        ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new UploadException(UploadException.Reason.BAD_REQUEST,
                        "Upload-Metadata value of '" + parts[0] + "' is not Base64");
            }
        }
        return values;
    }

    /** The video's title: "title", else the file name without its extension. */
    static @Nullable String title(Map<String, String> metadata) {
        String title = metadata.get("title");
        if (title != null && !title.isBlank()) {
            return clip(title.strip());
        }
        String name = metadata.getOrDefault("filename", metadata.get("name"));
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip().replaceAll("^.*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return clip(dot > 0 ? name.substring(0, dot) : name);
    }

    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
