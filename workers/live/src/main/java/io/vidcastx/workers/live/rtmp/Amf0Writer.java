package io.vidcastx.workers.live.rtmp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Encodes AMF0 values (see {@link Amf0} for the Java types) into a message payload. */
public final class Amf0Writer {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** The encoding of {@code values}, one after the other (a command or a data message). */
    public static byte[] encode(@Nullable Object... values) {
        var writer = new Amf0Writer();
        for (Object value : values) {
            writer.write(value);
        }
        return writer.toByteArray();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public Amf0Writer write(@Nullable Object value) {
        switch (value) {
            case null -> out.write(Amf0.NULL);
            case Number number -> {
                out.write(Amf0.NUMBER);
                s64(Double.doubleToLongBits(number.doubleValue()));
            }
            case Boolean bool -> {
                out.write(Amf0.BOOLEAN);
                out.write(bool ? 1 : 0);
            }
            case String text -> string(text);
            case Amf0.EcmaArray array -> {
                out.write(Amf0.ECMA_ARRAY);
                u32(array.entries().size());
                properties(array.entries());
            }
            case Map<?, ?> map -> {
                out.write(Amf0.OBJECT);
                properties((Map<String, @Nullable Object>) map);
            }
            case List<?> list -> {
                out.write(Amf0.STRICT_ARRAY);
                u32(list.size());
                list.forEach(this::write);
            }
            case Amf0.Date date -> {
                out.write(Amf0.DATE);
                s64(Double.doubleToLongBits(date.epochMillis()));
                u16(date.timeZone());
            }
            default -> {
                if (value == Amf0.UNDEFINED) {
                    out.write(Amf0.UNDEFINED_MARKER);
                } else {
                    throw new AmfException("No AMF0 encoding for " + value.getClass().getSimpleName());
                }
            }
        }
        return this;
    }

    private void string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            out.write(Amf0.LONG_STRING);
            u32(bytes.length);
        } else {
            out.write(Amf0.STRING);
            u16(bytes.length);
        }
        out.writeBytes(bytes);
    }

    private void properties(Map<String, @Nullable Object> map) {
        map.forEach((key, value) -> {
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            if (name.length > 0xFFFF) {
                throw new AmfException("AMF0 property names are at most 65535 bytes");
            }
            u16(name.length);
            out.writeBytes(name);
            write(value);
        });
        u16(0);
        out.write(Amf0.OBJECT_END);
    }

    private void u16(int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private void u32(long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }

    private void s64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
