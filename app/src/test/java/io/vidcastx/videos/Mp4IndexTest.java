package io.vidcastx.videos;

import static io.vidcastx.videos.Mp4Boxes.box;
import static io.vidcastx.videos.Mp4Boxes.concat;
import static io.vidcastx.videos.Mp4Boxes.ftyp;
import static io.vidcastx.videos.Mp4Boxes.header;
import static io.vidcastx.videos.Mp4Boxes.largeHeader;
import static io.vidcastx.videos.Mp4Boxes.mvhd;
import static io.vidcastx.videos.Mp4Boxes.videoTrak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class Mp4IndexTest {

    /** The bytes in memory, remembering every length asked for. */
    private static final class Bytes implements Mp4Index.Source {
        final byte[] bytes;
        final List<Integer> reads = new ArrayList<>();

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public byte[] read(long offset, int length) {
            reads.add(length);
            return Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(bytes.length, offset + length));
        }
    }

    private static Mp4Index.Facts read(byte[] file) throws Exception {
        return Mp4Index.read(new Bytes(file)).orElseThrow();
    }

    @Test
    void an_honest_index_gives_duration_and_picture_size() throws Exception {
        var file = concat(ftyp(), box("free"), header(16, "mdat", new byte[8]), box("moov", mvhd(1000, 4500), videoTrak(1280, 720)));

        var facts = read(file);

        assertThat(facts.durationSeconds()).isEqualTo(4.5);
        assertThat(facts.width()).isEqualTo(1280);
        assertThat(facts.height()).isEqualTo(720);
    }

    @Test
    void a_24_byte_file_whose_ftyp_claims_2_gib_is_refused_after_reading_16_bytes() {
        var file = new Bytes(header(0x7FFF_FFF0L, "ftyp", "isom\0\0\0\0isomiso2".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

        assertThatThrownBy(() -> Mp4Index.read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("ftyp box claims 2147483632 bytes where only 24 remain");
        assertThat(file.reads).containsExactly(16);
    }

    @Test
    void a_moov_over_16_mb_is_refused_before_it_is_read() {
        long claimed = Mp4Index.MAX_MOOV_BYTES + 9L;
        // The file really is that long (zeros after the header), so only the cap stops it.
        var file = new Mp4Index.Source() {
            @Override
            public long size() {
                return ftyp().length + claimed;
            }

            @Override
            public byte[] read(long offset, int length) {
                if (length > 16) {
                    throw new AssertionError("read " + length + " bytes");
                }
                return offset == 0 ? Arrays.copyOf(ftyp(), length) : Arrays.copyOf(header(claimed, "moov", new byte[0]), length);
            }
        };

        assertThatThrownBy(() -> Mp4Index.read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("over the 16777216 byte limit");
    }

    @Test
    void a_moov_that_claims_more_than_the_file_holds_is_refused() {
        var file = concat(ftyp(), header(500_000_000, "moov", mvhd(1000, 1000)));

        assertThatThrownBy(() -> read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("moov box claims 500000000 bytes");
    }

    @Test
    void a_nested_box_that_claims_more_than_its_parent_is_refused() {
        var lyingTrak = header(Integer.MAX_VALUE, "trak", new byte[32]);
        var file = concat(ftyp(), box("moov", mvhd(1000, 1000), lyingTrak));

        assertThatThrownBy(() -> read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("trak box claims 2147483647 bytes where only 40 remain");
    }

    @Test
    void a_sample_entry_cut_short_is_refused() {
        byte[] hdlr = box("hdlr", new byte[4], new byte[4], "vide".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        byte[] stsd = box("stsd", new byte[8], box("avc1", new byte[10]));
        var file = concat(ftyp(), box("moov", box("trak", box("mdia", hdlr, box("minf", box("stbl", stsd))))));

        assertThatThrownBy(() -> read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("visual sample entry box too short");
    }

    @Test
    void boxes_smaller_than_their_header_are_refused_at_the_top_and_inside() {
        assertThatThrownBy(() -> read(concat(ftyp(), header(4, "free", new byte[16]))))
                .isInstanceOf(Mp4Index.RefusedException.class).hasMessageContaining("free box of 4 bytes is smaller than its header");
        assertThatThrownBy(() -> read(concat(ftyp(), box("moov", header(1 + 0, "junk", new byte[0])))))
                .isInstanceOf(Mp4Index.RefusedException.class).hasMessageContaining("junk box with a 64-bit size cut off");
        assertThatThrownBy(() -> read(concat(ftyp(), box("moov", largeHeader(8, "junk", new byte[8])))))
                .isInstanceOf(Mp4Index.RefusedException.class).hasMessageContaining("junk box of 8 bytes is smaller than its header");
    }

    @Test
    void a_zero_size_box_runs_to_the_end_of_the_file() throws Exception {
        var file = concat(ftyp(), header(0, "moov", concat(mvhd(600, 1200), videoTrak(640, 360))));

        var facts = read(file);

        assertThat(facts.durationSeconds()).isEqualTo(2.0);
        assertThat(facts.width()).isEqualTo(640);
    }

    @Test
    void a_64_bit_mdat_is_skipped_and_a_64_bit_lie_is_refused() throws Exception {
        var honest = concat(ftyp(), largeHeader(16 + 100, "mdat", new byte[100]), box("moov", mvhd(1000, 3000)));
        var lying = concat(ftyp(), largeHeader(Long.MAX_VALUE, "mdat", new byte[100]), box("moov", mvhd(1000, 3000)));
        var negative = concat(ftyp(), largeHeader(-1, "mdat", new byte[100]));

        assertThat(read(honest).durationSeconds()).isEqualTo(3.0);
        assertThatThrownBy(() -> read(lying)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("mdat box claims 9223372036854775807 bytes");
        assertThatThrownBy(() -> read(negative)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("smaller than its header");
    }

    @Test
    void a_file_of_many_tiny_boxes_is_refused_after_a_bounded_walk() {
        byte[][] frees = new byte[10_000][];
        Arrays.fill(frees, box("free"));
        var file = new Bytes(concat(frees));

        assertThatThrownBy(() -> Mp4Index.read(file)).isInstanceOf(Mp4Index.RefusedException.class)
                .hasMessageContaining("more than 64 top-level boxes");
        assertThat(file.reads).hasSize(Mp4Index.MAX_TOP_LEVEL_BOXES);
    }

    @Test
    void text_or_a_file_without_moov_gives_no_facts() throws Exception {
        assertThat(Mp4Index.read(new Bytes(concat(ftyp(), header(16, "mdat", new byte[8]))))).isEmpty();
        assertThat(Mp4Index.read(new Bytes(new byte[5]))).isEmpty();
        assertThatThrownBy(() -> Mp4Index.read(new Bytes("Meeting notes, not a video.\n".repeat(10).getBytes())))
                .isInstanceOf(Mp4Index.RefusedException.class);
    }
}
