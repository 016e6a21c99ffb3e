package io.vidcastx.workers.live.rtmp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publisher's connection: handshake, then commands ({@code connect}, {@code createStream},
 * {@code publish}, {@code FCUnpublish}, {@code deleteStream}) and media until it ends. Runs on its
 * own virtual thread; its memory is the read buffer, the chunk reader's bounded reassembly and the
 * message being handed to the sink.
 */
final class RtmpConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RtmpConnection.class);

    private static final int OUT_CHUNK_SIZE = 4096;
    private static final int WINDOW_ACK_SIZE = 2_500_000;
    private static final int CONTROL_CHUNK_STREAM = 2;
    private static final int COMMAND_CHUNK_STREAM = 3;
    private static final int STATUS_CHUNK_STREAM = 5;
    private static final int MEDIA_STREAM_ID = 1;

    private final Socket socket;
    private final RtmpServerSettings settings;
    private final PublishHandler handler;
    private final ScheduledExecutorService deadlines;
    private final Consumer<RtmpConnection> onEnd;
    private final long number;
    private final InetSocketAddress remote;
    private final AtomicReference<@Nullable String> disconnectReason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private @Nullable ChunkStreamWriter writer;
    private @Nullable ChunkStreamReader reader;
    private boolean connected;
    private @Nullable MediaSink sink;
    private String logName = "";
    private int publishStreamId = -1;
    private long ackWindow = WINDOW_ACK_SIZE;
    private long acknowledged;
    private @Nullable String endReason;
    private volatile long lastRead = System.nanoTime();

    RtmpConnection(Socket socket, RtmpServerSettings settings, PublishHandler handler,
                   ScheduledExecutorService deadlines, Consumer<RtmpConnection> onEnd, long number) {
        this.socket = socket;
        this.settings = settings;
        this.handler = handler;
        this.deadlines = deadlines;
        this.onEnd = onEnd;
        this.number = number;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    long number() {
        return number;
    }

    /** Closes the connection from any thread; the first reason given is the one reported. */
    void disconnect(String reason) {
        if (disconnectReason.compareAndSet(null, reason)) {
            RtmpServer.closeQuietly(socket);
        }
    }

    void awaitEnd() {
        try {
            ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        ScheduledFuture<?> handshakeDeadline = schedule(settings.handshakeTimeout().toMillis(),
                "no complete handshake within " + settings.handshakeTimeout().toMillis() + " ms");
        ScheduledFuture<?> publishDeadline = schedule(settings.publishTimeout().toMillis(),
                "no accepted publish within " + settings.publishTimeout().toMillis() + " ms");
        // Silence is watched from the scheduler rather than with a socket read timeout: a timed read
        // on a virtual thread arms and cancels a timer on every read that waits, and a publisher
        // sending small chunks makes thousands of those a second.
        long idleMillis = Math.max(1, settings.idleTimeout().toMillis());
        ScheduledFuture<?> idleWatch = deadlines.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                disconnect("nothing received for " + idleMillis + " ms");
            }
        }, idleMillis / 4 + 1, idleMillis / 4 + 1, TimeUnit.MILLISECONDS);
        String reason;
        boolean refused = false;
        try {
            socket.setTcpNoDelay(true);
            var in = new BufferedInputStream(new ActivityStream(socket.getInputStream()), 16 * 1024);
            var out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            Handshake.serve(in, out);
            handshakeDeadline.cancel(false);
            writer = new ChunkStreamWriter(out);
            var chunks = new ChunkStreamReader(in, settings.limits().beforePublish());
            reader = chunks;
            while (endReason == null) {
                RtmpMessage message = chunks.read();
                handle(message, publishDeadline);
                acknowledge(chunks.bytesRead());
            }
            reason = endReason;
            refused = sink == null;
            if (refused) {
                lingerAndClose(in);
            }
        } catch (RtmpProtocolException e) {
            reason = e.getMessage();
            refused = true;
        } catch (EOFException e) {
            reason = e.getMessage();
        } catch (IOException e) {
            reason = e.getMessage() != null ? e.getMessage() : e.toString();
        } catch (RuntimeException e) {
            log.warn("RTMP connection {} failed", number, e);
            reason = "internal error: " + e;
        } finally {
            handshakeDeadline.cancel(false);
            publishDeadline.cancel(false);
            idleWatch.cancel(false);
        }
        String closedBy = disconnectReason.getAndSet("closed");
        String finalReason = closedBy != null ? closedBy : String.valueOf(reason);
        RtmpServer.closeQuietly(socket);
        try {
            endSession(finalReason);
            if (logName.isEmpty()) {
                if (refused || closedBy != null) {
                    log.warn("Refused RTMP connection {} from {}: {}", number, remote, finalReason);
                } else {
                    log.debug("RTMP connection {} from {} closed before publishing: {}", number, remote, finalReason);
                }
            }
        } finally {
            onEnd.accept(this);
            ended.countDown();
        }
    }

    private void handle(RtmpMessage message, ScheduledFuture<?> publishDeadline) throws IOException {
        switch (message.type()) {
            case MessageTypes.COMMAND_AMF0 -> command(message, 0, publishDeadline);
            case MessageTypes.COMMAND_AMF3 -> command(message, 1, publishDeadline);
            case MessageTypes.DATA_AMF0 -> data(message, 0);
            case MessageTypes.DATA_AMF3 -> data(message, 1);
            case MessageTypes.AUDIO, MessageTypes.VIDEO -> {
                MediaSink current = sink;
                if (current != null && message.streamId() == publishStreamId && message.payload().length > 0) {
                    current.accept(message.type(), message.timestamp(), message.payload());
                }
            }
            case MessageTypes.WINDOW_ACK_SIZE -> {
                // a tiny window would make us acknowledge every few bytes
                ackWindow = Math.max(4096, ChunkStreamReader.readU32(atLeast(message, 4), 0));
            }
            default -> {
                // Acknowledgement, User Control (ping, buffer length), Set Peer Bandwidth: nothing to do as an ingest
            }
        }
    }

    private void command(RtmpMessage message, int offset, ScheduledFuture<?> publishDeadline) throws IOException {
        List<@Nullable Object> values = new Amf0Reader(message.payload(), offset).readAll();
        if (values.isEmpty() || !(values.getFirst() instanceof String name)) {
            throw new RtmpProtocolException("a command message without a command name");
        }
        double transaction = values.size() > 1 && values.get(1) instanceof Double number ? number : 0;
        switch (name) {
            case "connect" -> connect(transaction, values.size() > 2 ? values.get(2) : null);
            case "createStream" -> {
                requireConnected(name);
                sendCommand(COMMAND_CHUNK_STREAM, 0, "_result", transaction, null, (double) MEDIA_STREAM_ID);
            }
            case "publish" -> publish(message.streamId(), values.size() > 3 ? values.get(3) : null, publishDeadline);
            case "FCUnpublish" -> endSession("the publisher unpublished");
            case "deleteStream", "closeStream" -> {
                endSession("the publisher unpublished");
                endReason = "the publisher deleted its stream";
            }
            // FFmpeg and OBS send these before publishing and do not wait for an answer
            case "releaseStream", "FCPublish", "_checkbw", "getStreamLength" -> requireConnected(name);
            default -> throw new RtmpProtocolException("the unsupported command \"" + shorten(name)
                    + "\" (this server only takes publishers)");
        }
    }

    private void connect(double transaction, @Nullable Object commandObject) throws IOException {
        if (connected) {
            throw new RtmpProtocolException("a second connect on one connection");
        }
        String app = commandObject instanceof Map<?, ?> map && map.get("app") instanceof String text ? text : "";
        app = stripSlashes(app.contains("?") ? app.substring(0, app.indexOf('?')) : app);
        if (!app.equals(settings.app())) {
            sendCommand(COMMAND_CHUNK_STREAM, 0, "_error", transaction, null, Amf0.object(
                    "level", "error", "code", "NetConnection.Connect.Rejected",
                    "description", "Unknown application; publish to rtmp://host/" + settings.app() + "/STREAM_KEY"));
            // not named in the log: a misconfigured encoder may have put its stream key there
            endReason = "connect to an unknown application";
            return;
        }
        connected = true;
        ChunkStreamWriter out = writer();
        out.write(CONTROL_CHUNK_STREAM, control(MessageTypes.WINDOW_ACK_SIZE, u32(WINDOW_ACK_SIZE)));
        out.write(CONTROL_CHUNK_STREAM, control(MessageTypes.SET_PEER_BANDWIDTH, concat(u32(WINDOW_ACK_SIZE), new byte[] {2})));
        out.write(CONTROL_CHUNK_STREAM, control(MessageTypes.SET_CHUNK_SIZE, u32(OUT_CHUNK_SIZE)));
        out.chunkSize(OUT_CHUNK_SIZE);
        sendCommand(COMMAND_CHUNK_STREAM, 0, "_result", transaction,
                Amf0.object("fmsVer", "FMS/3,5,7,7009", "capabilities", 31.0, "mode", 1.0),
                Amf0.object("level", "status", "code", "NetConnection.Connect.Success",
                        "description", "Connection succeeded.", "objectEncoding", 0.0));
    }

    private void publish(int streamId, @Nullable Object name, ScheduledFuture<?> publishDeadline) throws IOException {
        requireConnected("publish");
        if (sink != null || !logName.isEmpty()) {
            throw new RtmpProtocolException("a second publish on one connection");
        }
        String streamName = name instanceof String text ? text : "";
        PublishResult result;
        try {
            result = handler.publish(new PublishRequest(settings.app(), streamName, remote), this::disconnect);
        } catch (RuntimeException e) {
            log.error("Deciding on a publish from {} failed", remote, e);
            result = new PublishResult.Refused("NetStream.Publish.Failed", "The server could not start the stream.",
                    "the publish handler failed: " + e);
        }
        switch (result) {
            case PublishResult.Started started -> {
                publishDeadline.cancel(false);
                sink = started.sink();
                logName = started.logName();
                publishStreamId = streamId;
                if (reader != null) {
                    reader.limits(settings.limits());
                }
                writer().write(CONTROL_CHUNK_STREAM, control(MessageTypes.USER_CONTROL, concat(new byte[] {0, 0}, u32(streamId))));
                sendStatus(streamId, "status", "NetStream.Publish.Start", "Publishing.");
                log.info("RTMP publish started: session {} from {}", logName, remote);
            }
            case PublishResult.Refused refused -> {
                sendStatus(streamId, "error", refused.code(), refused.description());
                endReason = "publish refused (" + refused.code() + "): " + refused.reason();
            }
        }
    }

    private void data(RtmpMessage message, int offset) {
        MediaSink current = sink;
        if (current == null || message.streamId() != publishStreamId) {
            return;
        }
        List<@Nullable Object> values = new Amf0Reader(message.payload(), offset).readAll();
        if (!values.isEmpty() && "@setDataFrame".equals(values.getFirst())) {
            values = values.subList(1, values.size());
        }
        if (values.size() >= 2 && "onMetaData".equals(values.get(0))) {
            Object metadata = values.get(1);
            Map<String, @Nullable Object> entries = switch (metadata) {
                case Amf0.EcmaArray array -> array.entries();
                case Map<?, ?> map -> castMap(map);
                case null, default -> Map.of();
            };
            current.accept(MessageTypes.DATA_AMF0, message.timestamp(),
                    Amf0Writer.encode("onMetaData", new Amf0.EcmaArray(entries)));
        }
    }

    private void endSession(String reason) {
        MediaSink current = sink;
        sink = null;
        if (current != null) {
            try {
                current.close(reason);
            } catch (RuntimeException e) {
                log.warn("Ending RTMP session {} failed", logName, e);
            }
            log.info("RTMP session {} from {} ended: {}", logName, remote, reason);
        }
    }

    private void acknowledge(long bytesRead) throws IOException {
        if (bytesRead - acknowledged >= ackWindow) {
            acknowledged = bytesRead;
            writer().write(CONTROL_CHUNK_STREAM, control(MessageTypes.ACKNOWLEDGEMENT, u32(bytesRead & 0xFFFFFFFFL)));
            writer().flush();
        }
    }

    private void sendStatus(int streamId, String level, String code, String description) throws IOException {
        sendCommand(STATUS_CHUNK_STREAM, streamId, "onStatus", 0.0, null,
                Amf0.object("level", level, "code", code, "description", description));
    }

    private void sendCommand(int chunkStream, int streamId, @Nullable Object... values) throws IOException {
        writer().write(chunkStream, new RtmpMessage(MessageTypes.COMMAND_AMF0, streamId, 0, Amf0Writer.encode(values)));
        writer().flush();
    }

    /**
     * After a refusal, lets the peer read our answer: a close with unread input would send a reset
     * that can overtake the answer.
     */
    private void lingerAndClose(InputStream in) {
        try {
            writer().flush();
            socket.shutdownOutput();
            socket.setSoTimeout(1000);
            byte[] discard = new byte[4096];
            for (int total = 0; total < 256 * 1024; ) {
                int n = in.read(discard);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            // the peer went away or stayed silent: close anyway
        }
    }

    /** Notes when bytes last arrived, for the idle watch. */
    private final class ActivityStream extends FilterInputStream {

        ActivityStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            lastRead = System.nanoTime();
            return n;
        }
    }

    private ScheduledFuture<?> schedule(long millis, String reason) {
        return deadlines.schedule(() -> disconnect(reason), millis, TimeUnit.MILLISECONDS);
    }

    private void requireConnected(String command) {
        if (!connected) {
            throw new RtmpProtocolException(command + " before connect");
        }
    }

    private ChunkStreamWriter writer() {
        ChunkStreamWriter current = writer;
        if (current == null) {
            throw new IllegalStateException("no writer before the handshake");
        }
        return current;
    }

    private static RtmpMessage control(int type, byte[] payload) {
        return new RtmpMessage(type, 0, 0, payload);
    }

    private static byte[] atLeast(RtmpMessage message, int bytes) {
        if (message.payload().length < bytes) {
            throw new RtmpProtocolException("a control message of type " + message.type() + " with "
                    + message.payload().length + " bytes");
        }
        return message.payload();
    }

    private static byte[] u32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> castMap(Map<?, ?> map) {
        return (Map<String, @Nullable Object>) map;
    }

    private static String stripSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
