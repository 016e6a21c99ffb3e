package io.vidcastx.core.storage;

/** A storage key or prefix that could escape its folder or confuse an S3 implementation. */
public class InvalidStorageKeyException extends IllegalArgumentException {

    public InvalidStorageKeyException(String key, String reason) {
        super("Invalid storage key '" + printable(key) + "': " + reason);
    }

    private static String printable(String key) {
        var out = new StringBuilder();
        key.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
