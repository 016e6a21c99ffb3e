/**
 * Captions shared by the AI worker (which makes them) and the app (which edits and serves them):
 * timed cues, WebVTT and SRT, the HLS subtitle rendition, and the store that keeps the transcript
 * rows and their files in step.
 */
@NullMarked
package io.vidcastx.core.captions;

import org.jspecify.annotations.NullMarked;
