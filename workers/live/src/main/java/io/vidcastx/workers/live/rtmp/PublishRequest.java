package io.vidcastx.workers.live.rtmp;

import java.net.InetSocketAddress;

/**
 * A {@code publish} command on a connected stream.
 *
 * @param app         the application name from {@code connect} (already checked)
 * @param streamName  the publishing name, which carries the stream key: never log it or put it in
 *                    a file name ({@link #toString()} leaves it out)
 * @param remote      the publisher's address
 */
public record PublishRequest(String app, String streamName, InetSocketAddress remote) {

    @Override
    public String toString() {
        return "PublishRequest[app=" + app + ", remote=" + remote + "]";
    }
}
