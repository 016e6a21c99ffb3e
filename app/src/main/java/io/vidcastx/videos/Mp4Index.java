package io.vidcastx.videos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reads duration and coded picture size from an MP4/MOV index with every size checked first. The
 * bytes are an untrusted upload: a box may claim gigabytes in a file of a few bytes, so nothing is
 * read or allocated for a box before its size is checked against what holds it, the {@code moov} box
 * is read once and only up to {@link #MAX_MOOV_BYTES}, and only the handful of boxes that carry the
 * facts are looked at (no sample tables, whose counts would size arrays).
 */
final class Mp4Index {

    /** Far above any real index (a two-hour film's moov is a few MB), far below a heap. */
    static final int MAX_MOOV_BYTES = 16 * 1024 * 1024;
    /** Real files have a handful (ftyp, free, mdat, moov, maybe uuid/wide): a long walk is an attack. */
    static final int MAX_TOP_LEVEL_BOXES = 64;

    /** Ranged reads of the stored object; {@code length} is always checked against its size first. */
    interface Source {
        long size();

        byte[] read(long offset, int length) throws IOException;
    }

    /** The facts found; each is null when the index does not say. */
    record Facts(@Nullable Double durationSeconds, @Nullable Integer width, @Nullable Integer height) {
    }

    /** The bytes are not an MP4 index that can be trusted; the message says why, for the log. */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private Mp4Index() {
    }

    /**
     * @return the facts, or empty when the file has no {@code moov} box
     * @throws RefusedException when a box header is inconsistent with the file, or the index too large
     */
    static Optional<Facts> read(Source source) throws IOException, RefusedException {
        long size = source.size();
        long offset = 0;
        int boxes = 0;
        while (size - offset >= 8) {
            if (++boxes > MAX_TOP_LEVEL_BOXES) {
                throw new RefusedException("more than " + MAX_TOP_LEVEL_BOXES + " top-level boxes");
            }
            byte[] header = source.read(offset, (int) Math.min(16, size - offset));
            var box = Box.at(header, 0, header.length, size - offset);
            if (box.type().equals("moov")) {
                long bodyLength = box.size() - box.headerLength();
                if (bodyLength > MAX_MOOV_BYTES) {
                    throw new RefusedException("moov box of " + bodyLength + " bytes is over the "
                            + MAX_MOOV_BYTES + " byte limit");
                }
                byte[] moov = source.read(offset + box.headerLength(), (int) bodyLength);
                if (moov.length != bodyLength) {
                    throw new RefusedException("moov box shorter than its header says");
                }
                return Optional.of(facts(moov));
            }
            offset += box.size();
        }
        return Optional.empty();
    }

    private static Facts facts(byte[] moov) throws RefusedException {
        Double duration = null;
        Integer width = null;
        Integer height = null;
        for (var child : Box.children(moov, 0, moov.length)) {
            if (child.type().equals("mvhd") && duration == null) {
                duration = duration(moov, child);
            } else if (child.type().equals("trak") && width == null) {
                int[] picture = videoPicture(moov, child);
                if (picture != null) {
                    width = picture[0];
                    height = picture[1];
                }
            }
        }
        return new Facts(duration, width, height);
    }

    private static @Nullable Double duration(byte[] bytes, Box mvhd) throws RefusedException {
        int at = mvhd.bodyStart();
        mvhd.require(bytes, 4, "mvhd");
        int version = bytes[at] & 0xff;
        long timescale;
        long duration;
        if (version == 1) {
            mvhd.require(bytes, 4 + 8 + 8 + 4 + 8, "mvhd");
            timescale = u32(bytes, at + 20);
            duration = s64(bytes, at + 24);
        } else {
            mvhd.require(bytes, 4 + 4 + 4 + 4 + 4, "mvhd");
            timescale = u32(bytes, at + 12);
            duration = u32(bytes, at + 16);
            if (duration == 0xFFFFFFFFL) {
                return null; // "unknown" in the format
            }
        }
        return timescale > 0 && duration >= 0 ? (double) duration / timescale : null;
    }

    /** Width and height of the first sample entry of a track whose handler is {@code vide}, or null. */
    private static int @Nullable [] videoPicture(byte[] bytes, Box trak) throws RefusedException {
        var mdia = Box.child(bytes, trak, "mdia");
        if (mdia == null) {
            return null;
        }
        var hdlr = Box.child(bytes, mdia, "hdlr");
        if (hdlr == null) {
            return null;
        }
        // Full box header (4), pre-defined (QuickTime's component type) (4), then the handler type.
        hdlr.require(bytes, 12, "hdlr");
        if (!fourcc(bytes, hdlr.bodyStart() + 8).equals("vide")) {
            return null;
        }
        var minf = Box.child(bytes, mdia, "minf");
        var stbl = minf == null ? null : Box.child(bytes, minf, "stbl");
        var stsd = stbl == null ? null : Box.child(bytes, stbl, "stsd");
        if (stsd == null) {
            return null;
        }
        // Full box header (4) and entry count (4), then the first sample entry.
        stsd.require(bytes, 8, "stsd");
        var entries = Box.children(bytes, stsd.bodyStart() + 8, stsd.end());
        if (entries.isEmpty()) {
            return null;
        }
        var entry = entries.getFirst();
        // Visual sample entry: reserved (6), data reference index (2), pre-defined and reserved (16), width, height.
        entry.require(bytes, 28, "visual sample entry");
        int width = u16(bytes, entry.bodyStart() + 24);
        int height = u16(bytes, entry.bodyStart() + 26);
        return width > 0 && height > 0 ? new int[] {width, height} : null;
    }

    /**
     * One box header, checked: its size covers its header and fits in what holds it.
     *
     * @param start      where the box starts in {@code bytes}
     * @param size       its size including the header
     * @param bodyStart  where its body starts in {@code bytes}
     */
    private record Box(String type, long size, int headerLength, int start, int bodyStart) {

        int end() {
            return (int) (start + size);
        }

        /** Checks the body holds at least {@code length} bytes. */
        void require(byte[] bytes, int length, String what) throws RefusedException {
            if (size - headerLength < length || bodyStart + length > bytes.length) {
                throw new RefusedException(what + " box too short: " + (size - headerLength) + " bytes");
            }
        }

        /**
         * The header at {@code start} of {@code bytes}, of which {@code available} bytes are readable, in a
         * container that has {@code room} bytes left from {@code start}.
         */
        static Box at(byte[] bytes, int start, int available, long room) throws RefusedException {
            if (available < 8) {
                throw new RefusedException("a box header cut off after " + available + " bytes");
            }
            long size = u32(bytes, start);
            String type = fourcc(bytes, start + 4);
            int headerLength = 8;
            if (size == 1) {
                if (available < 16) {
                    throw new RefusedException(type + " box with a 64-bit size cut off");
                }
                size = s64(bytes, start + 8);
                headerLength = 16;
            } else if (size == 0) {
                size = room; // "to the end of the file" (or of its container)
            }
            if (size < headerLength) {
                throw new RefusedException(type + " box of " + size + " bytes is smaller than its header");
            }
            if (size > room) {
                throw new RefusedException(type + " box claims " + size + " bytes where only " + room + " remain");
            }
            return new Box(type, size, headerLength, start, start + headerLength);
        }

        /** The boxes in {@code bytes[from, to)}, every one checked to fit. */
        static java.util.List<Box> children(byte[] bytes, int from, int to) throws RefusedException {
            var boxes = new java.util.ArrayList<Box>();
            int at = from;
            while (to - at >= 8) {
                var box = at(bytes, at, to - at, to - at);
                boxes.add(box);
                at = box.end();
            }
            return boxes;
        }

        static @Nullable Box child(byte[] bytes, Box parent, String type) throws RefusedException {
            for (var box : children(bytes, parent.bodyStart(), parent.end())) {
                if (box.type().equals(type)) {
                    return box;
                }
            }
            return null;
        }
    }

    private static String fourcc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static long s64(byte[] bytes, int at) {
        return (u32(bytes, at) << 32) | u32(bytes, at + 4);
    }
}
