package io.vidcastx.workers.live.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    @Test
    void the_server_answers_version_3_a_simple_s1_and_an_s2_echoing_c1() throws Exception {
        byte[] c1 = new byte[1536];
        Arrays.fill(c1, (byte) 0x5a);
        c1[4] = 9; // FFmpeg's C1 carries its version here
        var in = new ByteArrayOutputStream();
        in.write(3);
        in.write(c1);
        in.write(new byte[1536]);
        var out = new ByteArrayOutputStream();

        Handshake.serve(new ByteArrayInputStream(in.toByteArray()), out);

        byte[] answer = out.toByteArray();
        assertThat(answer).hasSize(1 + 1536 + 1536);
        assertThat(answer[0]).isEqualTo((byte) 3);
        // S1 version 0.0.0.0: FFmpeg and librtmp then skip the digest check
        assertThat(Arrays.copyOfRange(answer, 1, 9)).containsOnly(0);
        assertThat(Arrays.copyOfRange(answer, 1537, 3073)).isEqualTo(c1);
    }

    @Test
    void an_encrypted_handshake_is_refused() {
        assertThatThrownBy(() -> Handshake.serve(new ByteArrayInputStream(new byte[] {6}), new ByteArrayOutputStream()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("RTMPE");
    }

    @Test
    void a_handshake_cut_short_is_an_end_of_stream() {
        byte[] truncated = new byte[700];
        truncated[0] = 3;

        assertThatThrownBy(() -> Handshake.serve(new ByteArrayInputStream(truncated), new ByteArrayOutputStream()))
                .isInstanceOf(EOFException.class).hasMessageContaining("C1");
    }
}
