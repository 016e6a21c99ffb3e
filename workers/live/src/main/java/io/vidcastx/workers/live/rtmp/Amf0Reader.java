package io.vidcastx.workers.live.rtmp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Decodes AMF0 values from one message's payload. Every length is checked against what is left of
 * the payload before anything is allocated, and nesting is limited, so a hostile message costs at
 * most its own (already bounded) size.
 */
public final class Amf0Reader {

    private static final int MAX_DEPTH = 16;

    private final byte[] data;
    private int position;

    public Amf0Reader(byte[] data) {
        this(data, 0);
    }

    public Amf0Reader(byte[] data, int offset) {
        this.data = data;
        this.position = offset;
    }

    public boolean hasMore() {
        return position < data.length;
    }

    /** The values left in the payload (a command's name, transaction id, command object, arguments). */
    public List<@Nullable Object> readAll() {
        var values = new ArrayList<@Nullable Object>();
        while (hasMore()) {
            values.add(read());
        }
        return values;
    }

    public @Nullable Object read() {
        return read(0);
    }

    private @Nullable Object read(int depth) {
        if (depth > MAX_DEPTH) {
            throw new AmfException("AMF0 values nested deeper than " + MAX_DEPTH);
        }
        int marker = u8();
        return switch (marker) {
            case Amf0.NUMBER -> Double.longBitsToDouble(s64());
            case Amf0.BOOLEAN -> u8() != 0;
            case Amf0.STRING -> utf8(u16());
            case Amf0.LONG_STRING -> utf8(length(u32()));
            case Amf0.OBJECT -> properties(depth);
            case Amf0.NULL -> null;
            case Amf0.UNDEFINED_MARKER -> Amf0.UNDEFINED;
            case Amf0.ECMA_ARRAY -> {
                u32(); // the count is a hint that encoders get wrong; the end marker is authoritative
                yield new Amf0.EcmaArray(properties(depth));
            }
            case Amf0.STRICT_ARRAY -> {
                // each element takes at least one byte, so a count beyond the payload is a lie
                int count = length(u32());
                var list = new ArrayList<@Nullable Object>(count);
                for (int i = 0; i < count; i++) {
                    list.add(read(depth + 1));
                }
                yield list;
            }
            case Amf0.DATE -> new Amf0.Date(Double.longBitsToDouble(s64()), (short) u16());
            case Amf0.OBJECT_END -> throw new AmfException("AMF0 object end outside an object");
            default -> throw new AmfException("Unsupported AMF0 marker 0x" + Integer.toHexString(marker));
        };
    }

    private Map<String, @Nullable Object> properties(int depth) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        while (true) {
            String key = utf8(u16());
            if (key.isEmpty() && peek() == Amf0.OBJECT_END) {
                position++;
                return map;
            }
            map.put(key, read(depth + 1));
        }
    }

    private int peek() {
        need(1);
        return data[position] & 0xFF;
    }

    private int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    private int u16() {
        need(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    private long u32() {
        need(4);
        long value = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    private long s64() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position + i] & 0xFF);
        }
        position += 8;
        return value;
    }

    private int length(long declared) {
        if (declared > data.length - position) {
            throw new AmfException("AMF0 length " + declared + " runs past the end of the message");
        }
        return (int) declared;
    }

    private String utf8(int length) {
        need(length);
        String text = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    private void need(int bytes) {
        if (bytes > data.length - position) {
            throw new AmfException("AMF0 value truncated at byte " + position);
        }
    }
}
