package io.vidcastx.workers.live.rtmp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * AMF0 values as Java objects: {@link Double}, {@link Boolean}, {@link String}, {@code Map<String, Object>}
 * (an anonymous object), {@link EcmaArray}, {@code List<Object>} (a strict array), {@link Date},
 * {@link #UNDEFINED} and {@code null}. Markers are those of the AMF0 specification (Adobe, 2006).
 */
public final class Amf0 {

    static final int NUMBER = 0x00;
    static final int BOOLEAN = 0x01;
    static final int STRING = 0x02;
    static final int OBJECT = 0x03;
    static final int NULL = 0x05;
    static final int UNDEFINED_MARKER = 0x06;
    static final int ECMA_ARRAY = 0x08;
    static final int OBJECT_END = 0x09;
    static final int STRICT_ARRAY = 0x0A;
    static final int DATE = 0x0B;
    static final int LONG_STRING = 0x0C;

    /** AMF0's {@code undefined}, kept apart from {@code null} so that re-encoding gives the same bytes. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private Amf0() {
    }

    /** An associative ("ECMA") array: an object on the wire with a count in front, used by {@code onMetaData}. */
    public record EcmaArray(Map<String, @Nullable Object> entries) {

        public EcmaArray {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A date: milliseconds since the epoch and a time-zone offset FFmpeg and Flash always send as 0. */
    public record Date(double epochMillis, short timeZone) {
    }

    /** An object, keeping the key order (some clients read fields positionally). */
    public static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }
}
