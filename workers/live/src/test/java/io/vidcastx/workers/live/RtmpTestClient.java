package io.vidcastx.workers.live;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vidcastx.workers.live.rtmp.Amf0Reader;
import io.vidcastx.workers.live.rtmp.Amf0Writer;
import io.vidcastx.workers.live.rtmp.ChunkLimits;
import io.vidcastx.workers.live.rtmp.ChunkStreamReader;
import io.vidcastx.workers.live.rtmp.ChunkStreamWriter;
import io.vidcastx.workers.live.rtmp.MessageTypes;
import io.vidcastx.workers.live.rtmp.RtmpMessage;
import org.jspecify.annotations.Nullable;

/** A hand-driven RTMP client for what FFmpeg will not send: bad bytes, odd timing, exact replies. */
final class RtmpTestClient implements AutoCloseable {

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final ChunkStreamWriter writer;
    private final ChunkStreamReader reader;

    RtmpTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        writer = new ChunkStreamWriter(out);
        reader = new ChunkStreamReader(in, new ChunkLimits(65536, 1 << 20, 16, 2 << 20));
    }

    void handshake() throws IOException {
        out.write(3);
        out.write(new byte[1536]);
        out.flush();
        byte[] reply = in.readNBytes(1 + 2 * 1536);
        if (reply.length != 1 + 2 * 1536) {
            throw new IOException("short handshake reply");
        }
        out.write(reply, 1, 1536);
        out.flush();
    }

    /** Handshake, connect and createStream, as FFmpeg does them. */
    void connectTo(String app) throws IOException {
        handshake();
        command(0, "connect", 1.0, Map.of("app", app, "tcUrl", "rtmp://127.0.0.1/" + app));
        awaitCommand("_result");
        command(0, "createStream", 2.0, null);
        awaitCommand("_result");
    }

    /** Publishes and returns the {@code code} of the server's onStatus answer. */
    String publish(String name) throws IOException {
        command(1, "publish", 3.0, null, name, "live");
        List<@Nullable Object> status = awaitCommand("onStatus");
        return String.valueOf(((Map<?, ?>) status.get(3)).get("code"));
    }

    void command(int streamId, @Nullable Object... values) throws IOException {
        send(3, new RtmpMessage(MessageTypes.COMMAND_AMF0, streamId, 0, Amf0Writer.encode(values)));
    }

    void send(int chunkStreamId, RtmpMessage message) throws IOException {
        writer.write(chunkStreamId, message);
        writer.flush();
    }

    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    List<@Nullable Object> awaitCommand(String name) throws IOException {
        while (true) {
            RtmpMessage message = reader.read();
            if (message.type() == MessageTypes.SET_CHUNK_SIZE) {
                continue;
            }
            if (message.type() == MessageTypes.COMMAND_AMF0) {
                List<@Nullable Object> values = new Amf0Reader(message.payload()).readAll();
                if (name.equals(values.getFirst())) {
                    return values;
                }
            }
        }
    }

    /** Whether the server closes the connection within {@code limit} (reading and discarding until then). */
    boolean closedByServerWithin(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
