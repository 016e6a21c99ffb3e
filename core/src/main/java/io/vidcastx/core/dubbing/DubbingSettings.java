package io.vidcastx.core.dubbing;

/**
 * An organization's dubbing choices as the dashboard shows them: never the key itself.
 *
 * @param provider          the provider a dub uses when the request names none
 * @param elevenLabsKeySet  whether an ElevenLabs API key is stored (sealed)
 */
public record DubbingSettings(DubbingProvider provider, boolean elevenLabsKeySet) {

    public static final DubbingSettings DEFAULT = new DubbingSettings(DubbingProvider.LOCAL, false);
}
