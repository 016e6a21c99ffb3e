package io.vidcastx.workers.live.rtmp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server side of the simple RTMP handshake (RTMP specification 1.0, section 5.2): C0 and C1 in,
 * S0, S1 and S2 out, C2 in. S1 carries version bytes 0.0.0.0, which tells FFmpeg and librtmp not to
 * expect the digest ("complex") handshake, so no Adobe keys are involved. S2 echoes C1.
 */
public final class Handshake {

    static final int VERSION = 3;
    static final int SIZE = 1536;

    private Handshake() {
    }

    public static void serve(InputStream in, OutputStream out) throws IOException {
        int version = in.read();
        if (version < 0) {
            throw new EOFException("the peer closed the connection before the handshake");
        }
        if (version != VERSION) {
            throw new RtmpProtocolException(version == 6 || version == 8
                    ? "an encrypted (RTMPE) handshake, which is not supported"
                    : "not an RTMP handshake (first byte 0x" + Integer.toHexString(version) + ")");
        }
        byte[] c1 = readFully(in, SIZE, "C1");
        byte[] s1 = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(s1);
        for (int i = 0; i < 8; i++) {
            s1[i] = 0; // time 0, then the version bytes that select the simple handshake
        }
        out.write(VERSION);
        out.write(s1);
        out.write(c1);
        out.flush();
        readFully(in, SIZE, "C2");
    }

    private static byte[] readFully(InputStream in, int size, String part) throws IOException {
        byte[] bytes = new byte[size];
        int done = 0;
        while (done < size) {
            int n = in.read(bytes, done, size - done);
            if (n < 0) {
                throw new EOFException("the handshake ended inside " + part + " after " + done + " bytes");
            }
            done += n;
        }
        return bytes;
    }
}
