@NullMarked
package io.vidcastx.playback;

import org.jspecify.annotations.NullMarked;
