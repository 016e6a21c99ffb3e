package io.vidcastx.workers.live.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ChunkStreamTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ChunkLimits LIMITS = new ChunkLimits(65536, 64 * 1024, 8, 128 * 1024);

    private static ChunkStreamReader reader(String hex) {
        return new ChunkStreamReader(new ByteArrayInputStream(HEX.parseHex(hex.replace(" ", ""))), LIMITS);
    }

    @Test
    void a_type_0_chunk_carries_a_whole_small_message() throws IOException {
        // csid 3, timestamp 1000, length 3, type 20, message stream 1 (little-endian)
        RtmpMessage message = reader("03 0003e8 000003 14 01000000 aabbcc").read();

        assertThat(message.type()).isEqualTo(20);
        assertThat(message.streamId()).isEqualTo(1);
        assertThat(message.timestamp()).isEqualTo(1000);
        assertThat(message.payload()).containsExactly(0xaa, 0xbb, 0xcc);
    }

    @Test
    void a_message_longer_than_the_chunk_size_continues_in_type_3_chunks() throws IOException {
        String body = "11".repeat(128) + "22".repeat(72);
        RtmpMessage message = reader("06 000000 0000c8 09 01000000" + body.substring(0, 256) + " c6 " + body.substring(256)).read();

        assertThat(message.payload()).hasSize(200);
        assertThat(message.payload()[127]).isEqualTo((byte) 0x11);
        assertThat(message.payload()[128]).isEqualTo((byte) 0x22);
    }

    @Test
    void type_1_and_2_headers_add_deltas_and_type_3_repeats_the_last_delta() throws IOException {
        var chunks = reader("04 000064 000001 08 01000000 01"   // t=100
                + " 44 000014 000001 08 02"                       // type 1: +20 -> 120
                + " 84 000028 03"                                 // type 2: +40 -> 160
                + " c4 04");                                      // type 3, new message: +40 -> 200

        assertThat(chunks.read().timestamp()).isEqualTo(100);
        assertThat(chunks.read().timestamp()).isEqualTo(120);
        assertThat(chunks.read().timestamp()).isEqualTo(160);
        RtmpMessage last = chunks.read();
        assertThat(last.timestamp()).isEqualTo(200);
        assertThat(last.type()).isEqualTo(8);
        assertThat(last.streamId()).isEqualTo(1);
    }

    @Test
    void extended_timestamps_are_read_and_repeated_on_continuation_chunks() throws IOException {
        String body = "ab".repeat(130);
        RtmpMessage message = reader("05 ffffff 000082 09 01000000 01000000" + body.substring(0, 256)
                + " c5 01000000" + body.substring(256)).read();

        assertThat(message.timestamp()).isEqualTo(0x01000000L);
        assertThat(message.payload()).hasSize(130).containsOnly(0xab);
    }

    @Test
    void two_and_three_byte_chunk_stream_ids_are_understood() throws IOException {
        var chunks = reader("00 00 000000 000001 08 01000000 01" + " 01 ff 01 000000 000001 08 01000000 02"
                + " c1 ff 01 03");

        assertThat(chunks.read().payload()).containsExactly(1);
        assertThat(chunks.read().payload()).containsExactly(2);
        assertThat(chunks.read().payload()).containsExactly(3); // type 3 on chunk stream 64 + 255 + 256
    }

    @Test
    void set_chunk_size_applies_to_the_chunks_that_follow() throws IOException {
        var chunks = reader("02 000000 000004 01 00000000 00000100" + " 06 000000 000100 09 01000000" + "ee".repeat(256));

        RtmpMessage message = chunks.read();

        assertThat(chunks.chunkSize()).isEqualTo(256);
        assertThat(message.payload()).hasSize(256);
    }

    @Test
    void abort_drops_the_partial_message_of_its_chunk_stream() throws IOException {
        var chunks = reader("06 000000 0000c8 09 01000000" + "11".repeat(128)
                + " 02 000000 000004 02 00000000 00000006"
                + " 06 000000 000002 09 01000000 2233");

        assertThat(chunks.read().payload()).containsExactly(0x22, 0x33);
    }

    @Test
    void a_chunk_size_of_zero_is_refused() {
        assertThatThrownBy(() -> reader("02 000000 000004 01 00000000 00000000").read())
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("chunk size of 0");
    }

    @Test
    void a_chunk_size_above_the_limit_is_refused() {
        assertThatThrownBy(() -> reader("02 000000 000004 01 00000000 7fffffff").read())
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("chunk size of 2147483647");
    }

    @Test
    void a_message_length_above_the_limit_is_refused_from_the_header_alone() {
        // no payload follows: the refusal must not wait for (or allocate) 16 MiB
        assertThatThrownBy(() -> reader("04 000000 ffffff 09 01000000").read())
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("16777215 bytes");
    }

    @Test
    void messages_in_reassembly_on_many_chunk_streams_cannot_add_up_past_the_budget() {
        var hex = new StringBuilder();
        for (int csid = 3; csid < 6; csid++) {
            // three 60 KB messages, each begun with one chunk and left unfinished: 180 KB > 128 KB
            hex.append(String.format("%02x 000000 00f000 09 01000000", csid)).append("00".repeat(128));
        }
        var chunks = reader(hex.toString());

        assertThatThrownBy(chunks::read).isInstanceOf(RtmpProtocolException.class).hasMessageContaining("being reassembled");
    }

    @Test
    void too_many_chunk_streams_are_refused() {
        var hex = new StringBuilder();
        for (int csid = 3; csid < 20; csid++) {
            hex.append(String.format("%02x 000000 000001 08 01000000 00", csid));
        }
        var chunks = reader(hex.toString());

        assertThatThrownBy(() -> {
            for (int i = 0; i < 17; i++) {
                chunks.read();
            }
        }).isInstanceOf(RtmpProtocolException.class).hasMessageContaining("more than 8 chunk streams");
    }

    @Test
    void a_new_header_in_the_middle_of_a_message_is_refused() {
        assertThatThrownBy(() -> reader("06 000000 0000c8 09 01000000" + "11".repeat(128) + " 06 000000 000001 09 01000000 00").read())
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("before its previous message was complete");
    }

    @Test
    void a_connection_ending_inside_a_chunk_is_an_end_of_stream() {
        assertThatThrownBy(() -> reader("03 000000 000010 14 00000000 0102").read()).isInstanceOf(EOFException.class);
    }

    @Test
    void what_the_writer_chunks_the_reader_reassembles() throws IOException {
        var bytes = new ByteArrayOutputStream();
        var writer = new ChunkStreamWriter(bytes);
        byte[] big = new byte[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        writer.write(4, new RtmpMessage(9, 1, 0x01FFFFFFL, big));
        writer.chunkSize(4096);
        writer.write(3, new RtmpMessage(20, 0, 5, new byte[] {7}));

        var chunks = new ChunkStreamReader(new ByteArrayInputStream(bytes.toByteArray()), LIMITS);
        RtmpMessage first = chunks.read();
        assertThat(first.payload()).isEqualTo(big);
        assertThat(first.timestamp()).isEqualTo(0x01FFFFFFL);
        assertThat(chunks.read().payload()).containsExactly(7);
        assertThat(chunks.bytesRead()).isEqualTo(bytes.size());
    }
}
