/** AI dubbing: asking for, listing and removing a video's dubbed audio tracks (the ai worker makes them). */
@NullMarked
package io.vidcastx.dubbing;

import org.jspecify.annotations.NullMarked;
