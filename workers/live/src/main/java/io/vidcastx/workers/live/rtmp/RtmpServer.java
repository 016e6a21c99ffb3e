package io.vidcastx.workers.live.rtmp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts RTMP publishers: one virtual thread per connection doing blocking reads, one platform
 * thread accepting, and one scheduler thread enforcing the handshake and publish deadlines.
 */
public final class RtmpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RtmpServer.class);

    private final RtmpServerSettings settings;
    private final PublishHandler handler;
    private final Set<RtmpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionNumbers = new AtomicLong();
    private final ScheduledExecutorService deadlines;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private volatile boolean closing;

    private RtmpServer(RtmpServerSettings settings, PublishHandler handler) throws IOException {
        this.settings = settings;
        this.handler = handler;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 128);
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rtmp-deadlines").factory());
        this.acceptor = Thread.ofPlatform().daemon().name("rtmp-accept").unstarted(this::acceptLoop);
    }

    /** Binds the port and starts accepting. */
    public static RtmpServer start(RtmpServerSettings settings, PublishHandler handler) throws IOException {
        var server = new RtmpServer(settings, handler);
        server.acceptor.start();
        log.info("RTMP ingest listening on {}:{} (app \"{}\")", settings.bindAddress(), server.port(), settings.app());
        return server;
    }

    /** The bound port (useful when the settings asked for port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections open now, handshaking or publishing. */
    public int connectionCount() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.warn("RTMP accept failed: {}", e.toString());
                }
                continue;
            }
            if (connections.size() >= settings.maxConnections()) {
                log.warn("Refused an RTMP connection from {}: {} connections already open",
                        socket.getRemoteSocketAddress(), settings.maxConnections());
                closeQuietly(socket);
                continue;
            }
            var connection = new RtmpConnection(socket, settings, handler, deadlines, connections::remove,
                    connectionNumbers.incrementAndGet());
            connections.add(connection);
            Thread.ofVirtual().name("rtmp-" + connection.number()).start(connection);
        }
    }

    /** Stops accepting and closes every connection (their sessions end with the reason "server stopping"). */
    @Override
    public void close() {
        closing = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("Closing the RTMP listener: {}", e.toString());
        }
        connections.forEach(connection -> connection.disconnect("the ingest server is stopping"));
        connections.forEach(RtmpConnection::awaitEnd);
        deadlines.shutdownNow();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    static boolean isClosedSocket(IOException e) {
        return e instanceof SocketException && String.valueOf(e.getMessage()).contains("closed");
    }
}
