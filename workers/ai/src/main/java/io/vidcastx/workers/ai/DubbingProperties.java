package io.vidcastx.workers.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local dubbing tools ({@code vidcastx.dubbing.*}, e.g. {@code VIDCASTX_DUBBING_ESPEAK_NG}): the
 * commands to run, found on the PATH unless given as a full path.
 */
@ConfigurationProperties("vidcastx.dubbing")
public record DubbingProperties(@DefaultValue("apertium") String apertium, @DefaultValue("espeak-ng") String espeakNg) {
}
