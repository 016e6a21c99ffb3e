package io.vidcastx.workers.publisher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube's resumable upload endpoint on a raw socket (so a test can cut a connection in the middle of
 * a chunk, as a network does): POST opens a session, PUT chunks answer 308 with {@code Range}, the last
 * one 201 with the video resource, and {@code bytes *}{@code /total} reports the offset. The bytes
 * kept are hashed as they arrive, never stored.
 */
final class ResumableUploadStub implements AutoCloseable {

    private static final Pattern CHUNK = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private final ServerSocket server;
    private final Thread acceptor;
    private final MessageDigest digest;
    private long received;
    private long total = -1;
    /** Byte offsets at which the connection is cut once, in the middle of a chunk. */
    final ConcurrentLinkedQueue<Long> cutsAt = new ConcurrentLinkedQueue<>();
    /** Status answers (with a Google error body) given instead of taking the next chunk. */
    final ConcurrentLinkedQueue<String[]> failNextChunk = new ConcurrentLinkedQueue<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile String openError;
    /** What videos.list reports once the upload is complete. */
    volatile String uploadStatus = "processed";
    final List<String> captions = new CopyOnWriteArrayList<>();
    final List<byte[]> thumbnails = new CopyOnWriteArrayList<>();

    ResumableUploadStub() throws Exception {
        digest = MessageDigest.getInstance("SHA-256");
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String root() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    synchronized long received() {
        return received;
    }

    synchronized String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    long chunkRequests() {
        return requests.stream().filter(line -> line.startsWith("PUT") && !line.contains("*/")).count();
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
             var out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
                }
                long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
                requests.add(requestLine + " " + headers.getOrDefault("content-range", ""));
                if (!"Bearer ya29.test".equals(headers.get("authorization"))) {
                    skip(in, length);
                    respond(out, 401, "", "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\",\"errors\":[{\"reason\":\"authError\"}]}}");
                    continue;
                }
                if (requestLine.startsWith("POST /upload/youtube/v3/videos?uploadType=resumable")) {
                    skip(in, length);
                    if (openError != null) {
                        respond(out, 403, "", openError);
                        continue;
                    }
                    synchronized (this) {
                        total = Long.parseLong(headers.get("x-upload-content-length"));
                    }
                    respond(out, 200, "Location: " + root() + "upload/youtube/v3/videos?uploadType=resumable&upload_id=S1\r\n", "");
                } else if (requestLine.startsWith("PUT /upload/youtube/v3/videos?uploadType=resumable&upload_id=S1")) {
                    if (!chunk(in, out, headers.getOrDefault("content-range", ""), length)) {
                        return; // connection cut
                    }
                } else if (requestLine.startsWith("POST /upload/youtube/v3/captions")) {
                    captions.add(new String(body(in, headers, length), StandardCharsets.UTF_8));
                    respond(out, 200, "", "{\"kind\":\"youtube#caption\",\"id\":\"caption-" + captions.size() + "\"}");
                } else if (requestLine.startsWith("POST /upload/youtube/v3/thumbnails/set?videoId=dQw4w9WgXcQ")) {
                    thumbnails.add(body(in, headers, length));
                    respond(out, 200, "", "{\"kind\":\"youtube#thumbnailSetResponse\",\"items\":[]}");
                } else if (requestLine.startsWith("GET /youtube/v3/videos?")) {
                    skip(in, length);
                    respond(out, 200, "", "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"id\":\"dQw4w9WgXcQ\","
                            + "\"status\":{\"uploadStatus\":\"" + uploadStatus + "\"}}]}");
                } else {
                    skip(in, length);
                    respond(out, 404, "", "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** @return false when the connection was cut on purpose */
    private boolean chunk(InputStream in, OutputStream out, String range, long length) throws IOException {
        if (range.startsWith("bytes */")) {
            skip(in, length);
            status(out);
            return true;
        }
        var failure = failNextChunk.poll();
        if (failure != null) {
            skip(in, length);
            respond(out, Integer.parseInt(failure[0]), "", failure[1]);
            return true;
        }
        Matcher matcher = CHUNK.matcher(range);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != received()) {
            skip(in, length);
            status(out); // not where the server stands: tell the client where that is
            return true;
        }
        Long cut = cutsAt.peek();
        long stopAt = cut != null && cut < received() + length ? cut - received() : length;
        byte[] buffer = new byte[64 * 1024];
        long left = stopAt;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return false;
            }
            synchronized (this) {
                digest.update(buffer, 0, n);
                received += n;
            }
            left -= n;
        }
        if (stopAt < length) {
            cutsAt.poll();
            return false; // drop the connection in the middle of the chunk's body
        }
        status(out);
        return true;
    }

    private void status(OutputStream out) throws IOException {
        long have;
        long expected;
        synchronized (this) {
            have = received;
            expected = total;
        }
        if (have == expected) {
            respond(out, 201, "", "{\"kind\":\"youtube#video\",\"id\":\"dQw4w9WgXcQ\",\"status\":{\"uploadStatus\":\"uploaded\"}}");
        } else {
            respond(out, 308, have > 0 ? "Range: bytes=0-" + (have - 1) + "\r\n" : "", "");
        }
    }

    private static void respond(OutputStream out, int status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\n" + headers + "Content-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /**
     * A small body as the client meant it: Google's client gzips the bodies of media requests such as
     * captions.insert (Content-Encoding: gzip), and sends them chunked when it cannot tell their length.
     */
    private static byte[] body(InputStream in, Map<String, String> headers, long length) throws IOException {
        byte[] raw = rawBody(in, headers, length);
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (var gunzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return gunzip.readAllBytes();
            }
        }
        return raw;
    }

    private static byte[] rawBody(InputStream in, Map<String, String> headers, long length) throws IOException {
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return in.readNBytes((int) length);
        }
        var out = new java.io.ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // no trailers expected
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in); // the CRLF after the chunk
        }
    }

    private static void skip(InputStream in, long length) throws IOException {
        in.skipNBytes(length);
    }

    private static String line(InputStream in) throws IOException {
        var text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = text.length();
                return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
            }
            text.append((char) c);
        }
        return text.isEmpty() ? null : text.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
