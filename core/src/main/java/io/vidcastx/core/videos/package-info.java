/**
 * The video contract shared by the app and the workers: its status, the live status message with
 * its one codec, and the asset in Mux's shape.
 */
@NullMarked
package io.vidcastx.core.videos;

import org.jspecify.annotations.NullMarked;
