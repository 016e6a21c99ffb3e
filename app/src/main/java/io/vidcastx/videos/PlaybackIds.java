package io.vidcastx.videos;

import java.security.SecureRandom;

/** Public playback ids: 32 random base-62 characters (190 bits), unguessable like Mux's. */
public final class PlaybackIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PlaybackIds() {
    }

    public static String next() {
        var id = new char[32];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
