package io.vidcastx.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server that plays a webhook receiver: it answers with the scripted responses in order
 * (the last one repeats) and keeps every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), "status " + status);
        }

        public Reply withHeader(String name, String value) {
            var copy = new TreeMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, body);
        }
    }

    /** One request as it arrived: header names in lower case, the body as sent. */
    public record Received(String path, Map<String, String> headers, String body, long receivedAtNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.status(200);

    public WebhookReceiver(String bindAddress, Reply... replies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 0);
        script.addAll(List.of(replies));
        server.createContext("/", exchange -> {
            var headers = new TreeMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, System.nanoTime()));
            Reply reply = next();
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public WebhookReceiver(Reply... replies) throws IOException {
        this("127.0.0.1", replies);
    }

    private synchronized Reply next() {
        var reply = script.poll();
        if (reply != null) {
            last = reply;
        }
        return last;
    }

    public String url(String path) {
        var address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
