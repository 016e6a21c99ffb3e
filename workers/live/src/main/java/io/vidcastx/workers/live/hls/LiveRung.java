package io.vidcastx.workers.live.hls;

/**
 * One encoded step below the source in the live ladder.
 *
 * @param height    short side of the picture; rungs at or above the source's height are skipped
 */
public record LiveRung(String name, int height, int videoKbps) {

    public LiveRung {
        if (!name.matches("[a-z0-9]{1,16}") || name.equals("source")) {
            throw new IllegalArgumentException("Live rung names are short lower-case words such as 480p (not \"source\"): " + name);
        }
        if (height < 16 || height > 4320 || videoKbps < 50) {
            throw new IllegalArgumentException("Live rung " + name + " needs a height of 16-4320 and video-kbps >= 50");
        }
    }
}
