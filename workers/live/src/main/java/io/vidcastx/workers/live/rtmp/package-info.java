@NullMarked
package io.vidcastx.workers.live.rtmp;

import org.jspecify.annotations.NullMarked;
