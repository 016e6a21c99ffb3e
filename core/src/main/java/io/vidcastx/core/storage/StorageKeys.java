package io.vidcastx.core.storage;

import java.nio.charset.StandardCharsets;

import io.vidcastx.db.ids.VideoId;

/**
 * The one place storage keys are made and checked. Layout (ARCHITECTURE.md):
 * {@code raw/{videoId}/source}, {@code hls/{videoId}/...}, {@code thumbs/{videoId}/...},
 * {@code mp4/{videoId}/...}, {@code captions/{videoId}/{lang}.vtt}, {@code audio/{videoId}/{lang}/...}.
 */
public final class StorageKeys {

    /** S3 caps keys at 1,024 bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1024;

    private StorageKeys() {
    }

    public static String rawSource(VideoId videoId) {
        return "raw/" + videoId + "/source";
    }

    public static String hlsFolder(VideoId videoId) {
        return "hls/" + videoId + "/";
    }

    public static String hlsMaster(VideoId videoId) {
        return hlsFolder(videoId) + "master.m3u8";
    }

    /** A file of the HLS output, e.g. {@code 720p/segment_003.ts}; the relative path is checked. */
    public static String hlsFile(VideoId videoId, String relativePath) {
        return validate(hlsFolder(videoId) + validateRelative(relativePath));
    }

    public static String thumbnailsFolder(VideoId videoId) {
        return "thumbs/" + videoId + "/";
    }

    public static String mp4Folder(VideoId videoId) {
        return "mp4/" + videoId + "/";
    }

    public static String captionsFolder(VideoId videoId) {
        return "captions/" + videoId + "/";
    }

    public static String captions(VideoId videoId, String language) {
        return validate("captions/" + videoId + "/" + validateLanguage(language) + ".vtt");
    }

    public static String audioFolder(VideoId videoId, String language) {
        return "audio/" + videoId + "/" + validateLanguage(language) + "/";
    }

    /**
     * Checks a full object key: not empty, at most 1,024 UTF-8 bytes, no leading slash, no backslash,
     * no empty, "." or ".." segment, no control characters.
     *
     * @return the key, unchanged
     * @throws InvalidStorageKeyException when any rule is broken
     */
    public static String validate(String key) {
        if (key.isEmpty()) {
            throw new InvalidStorageKeyException(key, "it is empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidStorageKeyException(key, "it is longer than " + MAX_KEY_BYTES + " bytes");
        }
        if (key.startsWith("/")) {
            throw new InvalidStorageKeyException(key, "it starts with '/'");
        }
        if (key.indexOf('\\') >= 0) {
            throw new InvalidStorageKeyException(key, "it contains a backslash");
        }
        if (key.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new InvalidStorageKeyException(key, "it contains a control character");
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailingSlash = i == segments.length - 1 && segment.isEmpty();
            if (segment.equals("..") || segment.equals(".")) {
                throw new InvalidStorageKeyException(key, "it contains a '" + segment + "' segment");
            }
            if (segment.isEmpty() && !trailingSlash) {
                throw new InvalidStorageKeyException(key, "it contains an empty segment ('//')");
            }
        }
        return key;
    }

    /** Checks a folder prefix: a valid key that ends with '/'. */
    public static String validatePrefix(String prefix) {
        validate(prefix);
        if (!prefix.endsWith("/")) {
            throw new InvalidStorageKeyException(prefix, "a folder prefix must end with '/'");
        }
        return prefix;
    }

    private static String validateRelative(String relativePath) {
        if (relativePath.endsWith("/")) {
            throw new InvalidStorageKeyException(relativePath, "a file path must not end with '/'");
        }
        return validate(relativePath);
    }

    private static String validateLanguage(String language) {
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new InvalidStorageKeyException(language, "not a language tag such as 'en' or 'pt-BR'");
        }
        return language;
    }
}
