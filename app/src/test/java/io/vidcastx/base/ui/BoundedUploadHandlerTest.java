package io.vidcastx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class BoundedUploadHandlerTest {

    /** A request body that never ends, counting what was read of it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            read += length;
            return length;
        }
    }

    @Test
    void an_endless_upload_is_refused_after_one_byte_more_than_the_limit() throws Exception {
        var endless = new Endless();

        assertThat(BoundedUploadHandler.readAtMost(endless, 1024)).isEmpty();
        assertThat(endless.read).isEqualTo(1025);
    }

    @Test
    void a_file_of_exactly_the_limit_is_taken_whole() throws Exception {
        assertThat(BoundedUploadHandler.readAtMost(new ByteArrayInputStream(new byte[1024]), 1024))
                .hasValueSatisfying(bytes -> assertThat(bytes).hasSize(1024));
    }
}
