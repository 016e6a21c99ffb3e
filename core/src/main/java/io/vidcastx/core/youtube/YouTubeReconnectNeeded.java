package io.vidcastx.core.youtube;

/** Google refused the stored grant (revoked, expired, or never connected): an Admin must connect again. */
public class YouTubeReconnectNeeded extends RuntimeException {

    public YouTubeReconnectNeeded(String message) {
        super(message);
    }
}
