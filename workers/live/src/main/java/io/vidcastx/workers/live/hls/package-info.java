@NullMarked
package io.vidcastx.workers.live.hls;

import org.jspecify.annotations.NullMarked;
