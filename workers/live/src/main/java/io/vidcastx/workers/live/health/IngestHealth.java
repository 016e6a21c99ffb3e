package io.vidcastx.workers.live.health;

import org.jspecify.annotations.Nullable;

/**
 * A publisher's stream as the ingest measures it over the last seconds of media.
 *
 * @param videoKbps      video bit rate measured from the bytes received (null until a few seconds came)
 * @param frameRate      video frames per second received
 * @param width          picture width (from the H.264 sequence header, else the encoder's metadata)
 * @param height         picture height
 * @param droppedFrames  frames missing from the timeline since the publisher connected: gaps between
 *                       frame timestamps longer than the frame interval, which is how frames an
 *                       encoder drops under load or congestion show on the wire
 */
public record IngestHealth(@Nullable Integer videoKbps, @Nullable Double frameRate, @Nullable Integer width,
                           @Nullable Integer height, long droppedFrames) {
}
